import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { type EventEnvelope, type NatsSettings, prefixed, streamName } from '#platform';

/** Every event of one subject that reached the deployment's JetStream stream, in stream order. */
export async function publishedEvents<P = unknown>(nats: NatsSettings, subject: string): Promise<Array<EventEnvelope<P>>> {
  const nc = await connect({ servers: nats.url });
  try {
    const jsm = await jetstreamManager(nc);
    const stream = streamName(nats);
    const { state } = await jsm.streams.info(stream);
    const wanted = prefixed(nats, subject);
    const events: Array<EventEnvelope<P>> = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq += 1) {
      const message = await jsm.streams.getMessage(stream, { seq });
      if (message?.subject === wanted) events.push(message.json<EventEnvelope<P>>());
    }
    return events;
  } finally {
    await nc.close();
  }
}
