import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { Header } from '#contracts';
import { ensureEventStream } from '../events/event-stream.js';
import type { EventEnvelope } from '../events/event-envelope.js';
import type { NatsConnectionHolder } from '../nats/nats-connection.js';
import { prefixed } from '../nats/nats-settings.js';
import { OUTBOX_CHANNEL } from './outbox-writer.js';

interface OutboxRow {
  id: string;
  subject: string;
  payload: unknown;
  request_id: string | null;
  occurred_at: Date;
}

const BATCH = 500;
const POLL_MS = 2_000;

/**
 * Publishes committed outbox rows to JetStream (message id = event id, so a retried publish is deduplicated)
 * and marks them published. Woken by NOTIFY at commit; polls as a safety net after a crash.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: pg.Client;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private again = false;
  private stopped = false;
  private started = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly nats: NatsConnectionHolder,
    private readonly databaseUrl: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A hybrid app (HTTP + microservice) runs bootstrap hooks once per part: start once.
    if (this.started) return;
    this.started = true;
    await ensureEventStream(await this.nats.get(), this.nats.settings);
    this.listener = new pg.Client({ connectionString: this.databaseUrl, application_name: 'ej-outbox-listener' });
    this.listener.on('notification', () => this.wake());
    this.listener.on('error', (error) => this.logger.warn(`Outbox listener error: ${error.message}`));
    await this.listener.connect();
    await this.listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
  }

  /** Resolves when everything committed so far has been published. */
  async flush(): Promise<void> {
    this.wake();
    while (this.draining) await this.draining.catch(() => undefined);
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.logger.warn(`Outbox publish failed, will retry: ${String(error)}`))
      .finally(() => {
        this.draining = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped && (await this.publishBatch()) === BATCH) {
      // keep going while full batches come back
    }
  }

  private async publishBatch(): Promise<number> {
    const js = jetstream(await this.nats.get());
    return this.dataSource.transaction(async (manager) => {
      // One relay per schema publishes at a time (replicas of one service), so events leave in commit order.
      // The key names the schema: services that share a database must not wait on each other.
      const [lock] = await manager.query<Array<{ locked: boolean }>>(
        "SELECT pg_try_advisory_xact_lock(hashtext('ej_outbox_relay:' || current_schema())) AS locked",
      );
      if (!lock?.locked) return 0;
      const rows = await manager.query<OutboxRow[]>(
        'SELECT id, subject, payload, request_id, occurred_at FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1',
        [BATCH],
      );
      if (rows.length === 0) return 0;
      await Promise.all(
        rows.map((row) => {
          const envelope: EventEnvelope = {
            id: row.id,
            subject: row.subject,
            occurredAt: row.occurred_at.toISOString(),
            payload: row.payload,
            ...(row.request_id ? { requestId: row.request_id } : {}),
          };
          const headers = natsHeaders();
          if (row.request_id) headers.set(Header.RequestId, row.request_id);
          return js.publish(prefixed(this.nats.settings, row.subject), JSON.stringify(envelope), {
            msgID: row.id,
            headers,
          });
        }),
      );
      await manager.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])', [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
