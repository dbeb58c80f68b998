import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { instantAt, schoolDateAt } from '#domain';
import { Clock } from '#platform';
import { childNames } from './notification-events.js';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options.js';
import { digestSubject, emailBody } from './notification-text.js';
import { SmtpMailer } from './smtp-mailer.js';

/** Where a parent's digest hour is judged when no school of theirs is known (the seed school's zone). */
const FALLBACK_TIME_ZONE = 'Asia/Yekaterinburg';
const BATCH = 10;

interface ClaimedEmail {
  id: string;
  recipient_id: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Delivers e-mails from the outbox and composes the daily digests. Rows are claimed with FOR UPDATE SKIP LOCKED and a
 * lease, so replicas never send one row at the same time and a sender that dies mid-way frees its rows when the
 * lease ends; a failure is retried with exponential backoff. Time is the service's Clock (tests move it).
 */
@Injectable()
export class NotificationDelivery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationDelivery.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
    private readonly mailer: SmtpMailer,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.mailer.enabled) this.logger.log('SMTP_URL is not set: e-mails wait in the outbox');
    this.schedule();
  }

  beforeApplicationShutdown(): void {
    // A send in flight is not waited for: like a crash, its row stays claimed until the lease ends.
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** One round: compose due digests, then send what is due (when SMTP is configured). */
  async runOnce(): Promise<void> {
    this.running ??= (async () => {
      try {
        await this.composeDigests();
        if (this.mailer.enabled) await this.sendDue();
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((error: unknown) => {
          if (!this.stopped) this.logger.error(`Notification delivery round failed: ${String(error)}`);
        })
        .finally(() => this.schedule());
    }, this.options.pollMs);
  }

  /** Each parent on the digest gets, once their school's clock passed the hour, one e-mail with everything before it. */
  private async composeDigests(): Promise<void> {
    const now = this.clock.now();
    const pending = await this.dataSource.query<Array<{ recipient_id: string; time_zone: string | null }>>(
      `SELECT n.recipient_id,
              (array_agg(sc.time_zone ORDER BY n.seq) FILTER (WHERE sc.time_zone IS NOT NULL))[1] AS time_zone
       FROM notification n
       JOIN notification_settings s ON s.person_id = n.recipient_id AND s.email_mode <> 'off' AND s.email IS NOT NULL
       LEFT JOIN school sc ON sc.id = n.school_id
       WHERE n.email_state = 'digest'
       GROUP BY n.recipient_id`,
    );
    for (const { recipient_id: recipientId, time_zone: zone } of pending) {
      const timeZone = zone ?? FALLBACK_TIME_ZONE;
      const today = schoolDateAt(now, timeZone);
      const hour = `${String(this.options.digestHour).padStart(2, '0')}:00`;
      const cutoff = instantAt(today, hour, timeZone);
      if (now < cutoff) continue;
      await this.composeDigest(recipientId, today, cutoff, now);
    }
  }

  private async composeDigest(recipientId: string, day: string, cutoff: Date, now: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const items = await manager.query<Array<{ seq: string; student_id: string; text: string }>>(
        `SELECT seq, student_id, text FROM notification
         WHERE recipient_id = $1 AND email_state = 'digest' AND created_at < $2
         ORDER BY seq FOR UPDATE`,
        [recipientId, cutoff],
      );
      if (items.length === 0) return;
      const students = [...new Set(items.map((item) => item.student_id))];
      const names = await childNames(manager, students);
      const body = emailBody(
        students.map((studentId) => ({
          child: names.get(studentId) ?? '',
          lines: items.filter((item) => item.student_id === studentId).map((item) => item.text),
        })),
      );
      // One digest a day: a second round the same day finds the key taken, and later items wait for tomorrow.
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO email_outbox (id, recipient_id, dedupe_key, kind, subject, body, state, next_attempt_at, created_at)
         VALUES ($1, $2, $3, 'digest', $4, $5, 'pending', $6, $6)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [randomUUID(), recipientId, `digest:${recipientId}:${day}`, digestSubject(day), body, now],
      );
      if (inserted.length === 0) return;
      await manager.query(`UPDATE notification SET email_state = 'digested' WHERE seq = ANY($1::bigint[])`, [
        items.map((item) => item.seq),
      ]);
    });
  }

  private async sendDue(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const now = this.clock.now();
      const claimed = await this.dataSource.query<Array<ClaimedEmail>>(
        // A CTE, so that the driver answers the rows (an UPDATE alone answers [rows, count]).
        `WITH claimed AS (
         UPDATE email_outbox o
         SET state = 'sending', attempts = o.attempts + 1, lease_until = $1::timestamptz + make_interval(secs => $2::double precision / 1000)
         WHERE o.id IN (
           SELECT id FROM email_outbox
           WHERE (state = 'pending' AND next_attempt_at <= $1) OR (state = 'sending' AND lease_until <= $1)
           ORDER BY next_attempt_at, id
           LIMIT ${BATCH}
           FOR UPDATE SKIP LOCKED)
         RETURNING o.id, o.recipient_id, o.subject, o.body, o.attempts)
         SELECT * FROM claimed`,
        [now, this.options.leaseMs],
      );
      if (claimed.length === 0) return;
      for (const email of claimed) await this.deliver(email);
      if (claimed.length < BATCH) return;
    }
  }

  private async deliver(email: ClaimedEmail): Promise<void> {
    const [settings] = await this.dataSource.query<Array<{ email: string | null; email_mode: string }>>(
      'SELECT email, email_mode FROM notification_settings WHERE person_id = $1',
      [email.recipient_id],
    );
    if (!settings?.email || settings.email_mode === 'off') {
      // The parent turned e-mail off (or removed the address) since: nothing to send.
      await this.dataSource.query(`UPDATE email_outbox SET state = 'cancelled', lease_until = NULL WHERE id = $1 AND state = 'sending'`, [email.id]);
      return;
    }
    try {
      await this.mailer.send({ id: email.id, to: settings.email, subject: email.subject, text: email.body });
    } catch (error) {
      await this.failed(email, error);
      return;
    }
    await this.dataSource.query(
      `UPDATE email_outbox SET state = 'sent', sent_at = $2, lease_until = NULL, last_error = NULL WHERE id = $1 AND state = 'sending'`,
      [email.id, this.clock.now()],
    );
  }

  private async failed(email: ClaimedEmail, error: unknown): Promise<void> {
    if (this.stopped) return;
    const reason = errorSummary(error);
    const givingUp = email.attempts >= this.options.maxAttempts;
    const delay = Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** Math.min(email.attempts - 1, 30));
    this.logger.warn(`E-mail ${email.id} not sent (attempt ${email.attempts}): ${reason}${givingUp ? '; giving up' : ''}`);
    await this.dataSource.query(
      `UPDATE email_outbox
       SET state = $2, next_attempt_at = $3::timestamptz + make_interval(secs => $4::double precision / 1000),
           lease_until = NULL, last_error = $5
       WHERE id = $1 AND state = 'sending'`,
      [email.id, givingUp ? 'failed' : 'pending', this.clock.now(), delay, reason],
    );
  }
}

/** What went wrong, without the message text (an SMTP reply may quote the address, which is never logged). */
function errorSummary(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown error';
  const { code, responseCode, command } = error as { code?: unknown; responseCode?: unknown; command?: unknown };
  return [code, responseCode, command].filter((part) => part !== undefined && part !== null).map(String).join(' ') || 'unknown error';
}
