import { type DynamicModule, Module } from '@nestjs/common';
import { Clock } from './clock/clock.js';
import { HealthController } from './health/health.controller.js';
import { NatsConnectionHolder } from './nats/nats-connection.js';
import { PrefixedNatsClient } from './nats/prefixed-nats-client.js';
import { PLATFORM_OPTIONS, type PlatformOptions } from './platform-options.js';
import { RpcClient } from './rpc/rpc-client.js';

/** What every process has: the clock, the RPC client, a NATS connection for JetStream, and /health. */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      controllers: [HealthController],
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        { provide: Clock, useValue: options.clock },
        { provide: NatsConnectionHolder, useFactory: () => new NatsConnectionHolder(options.nats, options.service) },
        {
          provide: RpcClient,
          useFactory: () => new RpcClient(new PrefixedNatsClient(options.nats, options.service), options.rpcTimeoutMs),
        },
      ],
      exports: [PLATFORM_OPTIONS, Clock, NatsConnectionHolder, RpcClient],
    };
  }
}
