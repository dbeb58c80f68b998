import { ServerNats } from '@nestjs/microservices';
import { Header } from '#contracts';
import { RequestContext } from '../context/request-context.js';
import { decodeActor } from './actor-header.js';
import { type NatsSettings, prefixed } from './nats-settings.js';

interface NatsHeaders {
  get(key: string): string;
}
interface NatsSubscriptionClient {
  subscribe(subject: string, options: { queue: string; callback: Function }): unknown;
}

/**
 * Nest's NATS server, subscribing under this deployment's subject prefix with the service's queue group,
 * and running each handler inside the request context carried by the message headers.
 */
export class PrefixedNatsServer extends ServerNats {
  constructor(
    private readonly settings: NatsSettings,
    private readonly queue: string,
  ) {
    super({ servers: settings.url, queue, name: queue, gracefulShutdown: true, gracePeriod: 200 });
  }

  override bindEvents(client: NatsSubscriptionClient): void {
    for (const channel of this.messageHandlers.keys()) {
      client.subscribe(prefixed(this.settings, channel), {
        queue: this.queue,
        callback: this.getMessageHandler(channel).bind(this) as Function,
      });
    }
  }

  override handleMessage(channel: string, natsMsg: { headers?: NatsHeaders }): Promise<unknown> {
    const requestId = natsMsg.headers?.get(Header.RequestId) || RequestContext.newRequestId();
    const actor = decodeActor(natsMsg.headers?.get(Header.Actor));
    return RequestContext.run({ requestId, ...(actor ? { actor } : {}) }, () => super.handleMessage(channel, natsMsg));
  }
}
