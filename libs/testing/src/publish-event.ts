import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { z } from 'zod';
import type { EventDefinition } from '#contracts';
import { type EventEnvelope, ensureEventStream, type NatsSettings, prefixed } from '#platform';

/**
 * Publishes one event to the deployment's stream exactly as a service's outbox relay does (the envelope, the event id
 * as the JetStream message id), for tests of consumers whose producer is not running. Returns the envelope.
 */
export async function publishEvent<P extends z.ZodType>(
  nats: NatsSettings,
  definition: EventDefinition<P>,
  payload: z.input<P>,
): Promise<EventEnvelope<z.infer<P>>> {
  const envelope: EventEnvelope<z.infer<P>> = {
    id: randomUUID(),
    subject: definition.subject,
    occurredAt: new Date().toISOString(),
    payload: definition.payload.parse(payload),
  };
  const nc = await connect({ servers: nats.url });
  try {
    await ensureEventStream(nc, nats);
    await jetstream(nc).publish(prefixed(nats, definition.subject), JSON.stringify(envelope), { msgID: envelope.id });
    return envelope;
  } finally {
    await nc.close();
  }
}
