import { ClientNats } from '@nestjs/microservices';
import { type NatsSettings, prefixed } from './nats-settings.js';

/** Nest's NATS client, publishing under this deployment's subject prefix. */
export class PrefixedNatsClient extends ClientNats {
  constructor(
    private readonly settings: NatsSettings,
    name: string,
  ) {
    super({ servers: settings.url, name });
  }

  protected override normalizePattern(pattern: string): string {
    return prefixed(this.settings, super.normalizePattern(pattern));
  }
}
