import { jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { NatsSettings } from '../nats/nats-settings.js';

export function streamName(settings: Pick<NatsSettings, 'prefix'>): string {
  return `${settings.prefix.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase()}_EVENTS`;
}

/** The one durable stream of all events of a deployment, kept whole so read models can be rebuilt. */
export async function ensureEventStream(nc: NatsConnection, settings: NatsSettings): Promise<string> {
  const name = streamName(settings);
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(name);
  } catch {
    try {
      await jsm.streams.add({
        name,
        subjects: [`${settings.prefix}.events.>`],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        duplicate_window: 120_000_000_000,
      });
    } catch (error) {
      // Another process may have created it in between.
      await jsm.streams.info(name).catch(() => {
        throw error;
      });
    }
  }
  return name;
}
