import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  AckPolicy,
  type ConsumerConfig,
  type ConsumerMessages,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { setTimeout as sleep } from 'node:timers/promises';
import { RequestContext } from '../context/request-context.js';
import type { NatsConnectionHolder } from '../nats/nats-connection.js';
import { prefixed } from '../nats/nats-settings.js';
import type { EventEnvelope } from './event-envelope.js';
import { ensureEventStream } from './event-stream.js';
import type { StatelessEventHandlers } from './stateless-event-handlers.js';

export interface StatelessConsumerOptions {
  /**
   * `all`: a new durable consumer starts at the first event of the stream; `new`: at events published after it was
   * created (for a process that only reacts to what happens from now on, such as ending sessions).
   */
  deliver: 'all' | 'new';
}

interface RunningConsumer {
  messages: ConsumerMessages;
  loop: Promise<void>;
  active: boolean;
  abort: AbortController;
}

/**
 * EventConsumer for a process without a database (the gateway): a durable JetStream consumer that applies events one
 * at a time in stream order, retries a failing one in place (never skips it) and acknowledges it once applied. There is
 * no inbox, so handlers must be idempotent: a redelivered event is applied again. Replicas of a process share the
 * durable consumer, so each event is applied by one of them.
 */
@Injectable()
export class StatelessEventConsumer implements OnApplicationShutdown {
  private readonly logger = new Logger(StatelessEventConsumer.name);
  private readonly running = new Map<string, RunningConsumer>();
  private readonly starting = new Set<string>();
  private stopping = false;

  constructor(private readonly nats: NatsConnectionHolder) {}

  /** Starts applying events; a second start of a running consumer does nothing. */
  async start(durable: string, handlers: StatelessEventHandlers, options: StatelessConsumerOptions = { deliver: 'all' }): Promise<void> {
    if (this.running.has(durable) || this.starting.has(durable)) return;
    this.starting.add(durable);
    try {
      await this.startConsuming(durable, handlers, options);
    } finally {
      this.starting.delete(durable);
    }
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

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.running.keys()].map((durable) => this.stop(durable)));
  }

  private async startConsuming(durable: string, handlers: StatelessEventHandlers, options: StatelessConsumerOptions): Promise<void> {
    const nc = await this.nats.get();
    const stream = await ensureEventStream(nc, this.nats.settings);
    const jsm = await jetstreamManager(nc);
    // One handled subject: filter on it, so the process never reads the other events. Several: one filter over all
    // events (NATS 2.9 has no multi-filter consumers) keeps one total order; unhandled subjects are skipped.
    const subjects = handlers.subjects();
    const filter = prefixed(this.nats.settings, subjects.length === 1 ? subjects[0]! : 'events.>');
    const existing = await jsm.consumers.info(stream, durable).catch(() => undefined);
    if (existing && existing.config.filter_subject !== filter) {
      // The handled subjects changed; NATS 2.9 cannot change a consumer's filter, so it is made anew.
      await jsm.consumers.delete(stream, durable);
    }
    if (!existing || existing.config.filter_subject !== filter) {
      const config: Partial<ConsumerConfig> = {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: options.deliver === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
        filter_subject: filter,
        max_ack_pending: 1,
        ack_wait: 60_000_000_000,
      };
      await jsm.consumers.add(stream, config).catch(async (error: unknown) => {
        // Another replica may have created it in between.
        if (!(await jsm.consumers.info(stream, durable).catch(() => undefined))) throw error;
      });
    }
    const consumer = await jetstream(nc).consumers.get(stream, durable);
    const messages = await consumer.consume({ max_messages: 16 });
    const state: RunningConsumer = { messages, loop: Promise.resolve(), active: true, abort: new AbortController() };
    state.loop = (async () => {
      for await (const message of messages) {
        if (!state.active) break;
        await this.applyWithRetry(message, handlers, state);
      }
    })();
    this.running.set(durable, state);
  }

  private async applyWithRetry(message: JsMsg, handlers: StatelessEventHandlers, state: RunningConsumer): Promise<void> {
    for (let attempt = 0; state.active && !this.stopping; attempt += 1) {
      try {
        await this.apply(message, handlers);
        message.ack();
        return;
      } catch (error) {
        this.logger.error(`Event ${message.seq} not applied (attempt ${attempt + 1}), retrying: ${String(error)}`);
        message.working();
        await sleep(Math.min(30_000, 200 * 2 ** Math.min(attempt, 8)), undefined, { signal: state.abort.signal }).catch(() => undefined);
      }
    }
  }

  private async apply(message: JsMsg, handlers: StatelessEventHandlers): Promise<void> {
    const envelope = message.json<EventEnvelope>();
    const handler = handlers.get(envelope.subject);
    if (!handler) return;
    const payload = handler.definition.payload.parse(envelope.payload);
    await RequestContext.run({ requestId: envelope.requestId ?? envelope.id }, () => handler.handle(payload, { ...envelope, payload }));
  }
}
