import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import {
  DomainError,
  type EmailMode,
  ErrorCode,
  type MarkNotificationsRead,
  type NotificationFeed,
  NotificationFeedQuery,
  type NotificationSettings,
  type NotificationSettingsInput,
  type ParentNotification,
  type PersonActor,
} from '#contracts';
import { Clock, currentPerson } from '#platform';
import { type ActionName, decide } from '#policy';
import { toPersonName } from '../common/person-row.js';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options.js';
import { SmtpMailer } from './smtp-mailer.js';

interface NotificationRow {
  seq: string;
  id: string;
  created_at: Date;
  read_at: Date | null;
  kind: ParentNotification['kind'];
  change: ParentNotification['change'];
  student_id: string;
  last_name: string | null;
  first_name: string | null;
  middle_name: string | null;
  subject_code: string | null;
  subject_name: string | null;
  lesson_date: string | null;
  term_name: string | null;
  value: string | null;
  previous_value: string | null;
  text: string;
}

const EMAIL_NEEDED = 'Чтобы получать письма сразу или сводкой раз в день, укажите адрес электронной почты';

/** A parent's own feed and settings (R-REP-4): every call is about the caller, checked again with the policy table. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
    private readonly mailer: SmtpMailer,
    private readonly clock: Clock,
  ) {}

  async feed(query: z.input<typeof NotificationFeedQuery>): Promise<NotificationFeed> {
    const parent = this.caller('me.notifications.read');
    const { limit, before } = NotificationFeedQuery.parse(query);
    const rows = await this.dataSource.query<NotificationRow[]>(
      `SELECT n.seq, n.id, n.created_at, n.read_at, n.kind, n.change, n.student_id, p.last_name, p.first_name,
              p.middle_name, n.subject_code, n.subject_name, n.lesson_date, n.term_name, n.value, n.previous_value, n.text
       FROM notification n LEFT JOIN person p ON p.id = n.student_id
       WHERE n.recipient_id = $1 AND ($2::bigint IS NULL OR n.seq < $2::bigint)
       ORDER BY n.seq DESC
       LIMIT $3`,
      [parent.personId, before ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map(toNotification),
      unread: await this.unread(parent.personId),
      next: rows.length > limit ? page[page.length - 1]!.seq : null,
    };
  }

  async markRead(request: MarkNotificationsRead): Promise<{ unread: number }> {
    const parent = this.caller('me.notifications.mark-read');
    await this.dataSource.query(
      `UPDATE notification SET read_at = $2
       WHERE recipient_id = $1 AND read_at IS NULL AND ($3::boolean OR id = ANY($4::uuid[]))`,
      [parent.personId, this.clock.now(), request.all === true, request.ids ?? []],
    );
    return { unread: await this.unread(parent.personId) };
  }

  async settings(): Promise<NotificationSettings> {
    const parent = this.caller('me.notification-settings.read');
    return this.settingsOf(parent.personId);
  }

  /** E-mail off is always accepted; instant or digest e-mail needs an address, given now or on record. */
  async saveSettings(input: NotificationSettingsInput): Promise<NotificationSettings> {
    const parent = this.caller('me.notification-settings.write');
    await this.dataSource.transaction(async (manager) => {
      const [stored] = await manager.query<Array<{ email: string | null }>>(
        'SELECT email FROM notification_settings WHERE person_id = $1 FOR UPDATE',
        [parent.personId],
      );
      const email = input.email === undefined ? (stored?.email ?? null) : input.email;
      if (input.emailMode !== 'off' && email === null) {
        throw new DomainError(ErrorCode.ValidationFailed, EMAIL_NEEDED, { issues: [{ path: 'email', message: EMAIL_NEEDED }] });
      }
      await manager.query(
        `INSERT INTO notification_settings (person_id, email, email_mode, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (person_id) DO UPDATE SET email = excluded.email, email_mode = excluded.email_mode,
           updated_at = excluded.updated_at`,
        [parent.personId, email, input.emailMode, this.clock.now()],
      );
      // Items waiting for a digest are dropped from e-mail when e-mail is turned off (the feed keeps them).
      if (input.emailMode === 'off') {
        await manager.query(`UPDATE notification SET email_state = 'none' WHERE recipient_id = $1 AND email_state = 'digest'`, [
          parent.personId,
        ]);
      }
    });
    return this.settingsOf(parent.personId);
  }

  private async settingsOf(personId: string): Promise<NotificationSettings> {
    const [row] = await this.dataSource.query<Array<{ email: string | null; email_mode: EmailMode }>>(
      'SELECT email, email_mode FROM notification_settings WHERE person_id = $1',
      [personId],
    );
    return {
      email: row?.email ?? null,
      emailMode: row?.email_mode ?? 'off',
      digestHour: this.options.digestHour,
      emailDelivery: this.mailer.enabled,
    };
  }

  private async unread(personId: string): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ count: number }>>(
      'SELECT count(*)::int AS count FROM notification WHERE recipient_id = $1 AND read_at IS NULL',
      [personId],
    );
    return row?.count ?? 0;
  }

  private caller(action: ActionName): PersonActor {
    const actor = currentPerson();
    if (!decide(action, actor, null).allowed) {
      throw new DomainError(ErrorCode.Forbidden, 'Уведомления доступны только родителям');
    }
    return actor;
  }
}

function toNotification(row: NotificationRow): ParentNotification {
  const name =
    row.last_name !== null && row.first_name !== null
      ? toPersonName({ last_name: row.last_name, first_name: row.first_name, middle_name: row.middle_name })
      : { lastName: '', firstName: '', middleName: null };
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    read: row.read_at !== null,
    kind: row.kind,
    change: row.change,
    student: { id: row.student_id, ...name },
    subjectCode: row.subject_code,
    subjectName: row.subject_name,
    date: row.lesson_date,
    termName: row.term_name,
    value: row.value,
    previousValue: row.previous_value,
    text: row.text,
  };
}
