import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { EventDefinition } from '#contracts';
import { ensureEventStream, type EventEnvelope, type NatsSettings, prefixed } from '#platform';
import { TEST_NOW } from '#testing';

/** Publishes events into a test deployment's stream exactly as the outbox relay does (message id = event id). */
export class TestEventPublisher {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly settings: NatsSettings,
  ) {}

  static async connect(settings: NatsSettings): Promise<TestEventPublisher> {
    const nc = await connect({ servers: settings.url, name: 'reporting-test-producer' });
    await ensureEventStream(nc, settings);
    return new TestEventPublisher(nc, jetstream(nc), settings);
  }

  /** Publishes one event under a new id and returns the id. */
  async publish<P extends z.ZodType>(definition: EventDefinition<P>, payload: z.input<P>): Promise<string> {
    const id = randomUUID();
    const envelope: EventEnvelope = { id, subject: definition.subject, occurredAt: TEST_NOW.toISOString(), payload };
    await this.js.publish(prefixed(this.settings, definition.subject), JSON.stringify(envelope), { msgID: id });
    return id;
  }

  async close(): Promise<void> {
    await this.nc.close();
  }
}
