import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { NatsSettings } from './nats-settings.js';

/** One plain NATS connection per process for JetStream (the outbox relay and event consumers). */
@Injectable()
export class NatsConnectionHolder implements OnApplicationShutdown {
  private readonly logger = new Logger(NatsConnectionHolder.name);
  private connection?: Promise<NatsConnection>;

  constructor(
    readonly settings: NatsSettings,
    private readonly name: string,
  ) {}

  get(): Promise<NatsConnection> {
    this.connection ??= connect({ servers: this.settings.url, name: `${this.name}-js`, maxReconnectAttempts: -1 }).catch(
      (error: unknown) => {
        this.connection = undefined;
        throw error;
      },
    );
    return this.connection;
  }

  async isConnected(): Promise<boolean> {
    if (!this.connection) return false;
    try {
      return !(await this.connection).isClosed();
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.connection) return;
    try {
      const nc = await this.connection;
      await nc.drain();
    } catch (error) {
      this.logger.warn(`NATS drain failed: ${String(error)}`);
    }
  }
}
