import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { EventDefinition } from '#contracts';
import { type EventEnvelope, type NatsSettings, prefixed, streamName } from '#platform';
import { eventually } from '#testing';

/** Waits until a service's outbox is fully published, then reads the payloads of one event from the deployment's stream. */
export async function publishedEvents<P extends z.ZodType>(
  dataSource: DataSource,
  nats: NatsSettings,
  event: EventDefinition<P>,
): Promise<Array<z.infer<P>>> {
  await eventually(async () => {
    const [{ pending }] = await dataSource.query<[{ pending: number }]>(
      'SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL',
    );
    if (pending > 0) throw new Error(`${pending} events not yet published`);
  });
  const nc = await connect({ servers: nats.url });
  try {
    const jsm = await jetstreamManager(nc);
    const stream = streamName(nats);
    const info = await jsm.streams.info(stream).catch(() => undefined);
    if (!info) return [];
    const payloads: Array<z.infer<P>> = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq += 1) {
      const message = await jsm.streams.getMessage(stream, { seq });
      if (message?.subject !== prefixed(nats, event.subject)) continue;
      payloads.push(event.payload.parse(message.json<EventEnvelope>().payload));
    }
    return payloads;
  } finally {
    await nc.close();
  }
}
