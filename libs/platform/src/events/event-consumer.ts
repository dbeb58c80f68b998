import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AckPolicy, type ConsumerMessages, DeliverPolicy, jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { RequestContext } from '../context/request-context.js';
import type { NatsConnectionHolder } from '../nats/nats-connection.js';
import { prefixed } from '../nats/nats-settings.js';
import type { EventEnvelope } from './event-envelope.js';
import type { EventHandlers } from './event-handlers.js';
import { ensureEventStream } from './event-stream.js';

/** How a durable consumer keeps its place; the defaults are those of a read model. */
export interface ConsumerOptions {
  /** The table of applied event ids (default `inbox`): a second consumer in the same schema needs its own. */
  inbox?: string;
  /** Where a consumer created now starts: every event the stream keeps (default), or those published from now on. */
  deliver?: 'all' | 'new';
}

interface RunningConsumer {
  messages: ConsumerMessages;
  loop: Promise<void>;
  active: boolean;
  abort: AbortController;
}

/**
 * Applies events from a durable JetStream consumer, one at a time and in stream order. Each event is applied in
 * one transaction with its inbox row, so a redelivered event changes nothing; a failing one is retried in place
 * (never skipped), and acknowledged only after its transaction commits.
 */
@Injectable()
export class EventConsumer implements OnApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly running = new Map<string, RunningConsumer>();
  private readonly starting = new Set<string>();
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly nats: NatsConnectionHolder,
  ) {}

  /** Starts applying events; a second start of a running consumer (hybrid apps bootstrap twice) does nothing. */
  async start(durable: string, handlers: EventHandlers, options: ConsumerOptions = {}): Promise<void> {
    if (this.running.has(durable) || this.starting.has(durable)) return;
    const inbox = options.inbox ?? 'inbox';
    if (!/^[a-z_][a-z0-9_]*$/.test(inbox)) throw new Error(`Bad inbox table name: ${inbox}`);
    this.starting.add(durable);
    try {
      await this.startConsuming(durable, handlers, inbox, options.deliver ?? 'all');
    } finally {
      this.starting.delete(durable);
    }
  }

  private async startConsuming(durable: string, handlers: EventHandlers, inbox: string, deliver: 'all' | 'new'): Promise<void> {
    const nc = await this.nats.get();
    const stream = await ensureEventStream(nc, this.nats.settings);
    const jsm = await jetstreamManager(nc);
    // One filter over all events (NATS 2.9 has no multi-filter consumers): one total order; unhandled subjects are skipped.
    const existing = await jsm.consumers.info(stream, durable).catch(() => undefined);
    if (!existing) {
      await jsm.consumers.add(stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: deliver === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
        filter_subject: prefixed(this.nats.settings, 'events.>'),
        max_ack_pending: 1,
        ack_wait: 60_000_000_000,
      });
    }
    const consumer = await jetstream(nc).consumers.get(stream, durable);
    const messages = await consumer.consume({ max_messages: 16 });
    const state: RunningConsumer = { messages, loop: Promise.resolve(), active: true, abort: new AbortController() };
    state.loop = (async () => {
      for await (const message of messages) {
        if (!state.active) break;
        await this.applyWithRetry(message, handlers, state, inbox);
      }
    })();
    this.running.set(durable, state);
  }

  async stop(durable: string): Promise<void> {
    const running = this.running.get(durable);
    if (!running) return;
    this.running.delete(durable);
    running.active = false;
    running.abort.abort();
    await running.messages.close().catch(() => undefined);
    await running.loop.catch(() => undefined);
  }

  /** Forgets the consumer's position: the next start replays the stream from its first event. */
  async forget(durable: string): Promise<void> {
    await this.stop(durable);
    const nc = await this.nats.get();
    const stream = await ensureEventStream(nc, this.nats.settings);
    const jsm = await jetstreamManager(nc);
    await jsm.consumers.delete(stream, durable).catch(() => undefined);
  }

  /** Events delivered to or waiting for this consumer and not yet applied. */
  async backlog(durable: string): Promise<number> {
    const nc = await this.nats.get();
    const stream = await ensureEventStream(nc, this.nats.settings);
    const info = await (await jetstreamManager(nc)).consumers.info(stream, durable);
    return info.num_pending + info.num_ack_pending;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.running.keys()].map((durable) => this.stop(durable)));
  }

  private async applyWithRetry(message: JsMsg, handlers: EventHandlers, state: RunningConsumer, inbox: string): Promise<void> {
    // An event that keeps failing is retried in place until it applies or this consumer stops (never skipped).
    for (let attempt = 0; state.active && !this.stopping; attempt += 1) {
      try {
        await this.apply(message, handlers, inbox);
        message.ack();
        return;
      } catch (error) {
        this.logger.error(`Event ${message.seq} not applied (attempt ${attempt + 1}), retrying: ${String(error)}`);
        message.working();
        await sleep(Math.min(30_000, 200 * 2 ** Math.min(attempt, 8)), undefined, { signal: state.abort.signal }).catch(() => undefined);
      }
    }
  }

  private async apply(message: JsMsg, handlers: EventHandlers, inbox: string): Promise<void> {
    const envelope = message.json<EventEnvelope>();
    const handler = handlers.get(envelope.subject);
    if (!handler) return;
    const payload = handler.definition.payload.parse(envelope.payload);
    await RequestContext.run({ requestId: envelope.requestId ?? envelope.id }, () =>
      this.dataSource.transaction(async (manager) => {
        const inserted = await manager.query<unknown[]>(
          `INSERT INTO ${inbox} (event_id, subject) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
          [envelope.id, envelope.subject],
        );
        if (inserted.length === 0) return;
        await handler.handle(payload, { ...envelope, payload }, manager);
      }),
    );
  }
}
