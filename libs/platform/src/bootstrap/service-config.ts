import { type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type Clock, clockFromConfig } from '../clock/clock.js';
import { readConfig, ServiceEnv } from '../config/read-config.js';
import { type ServiceDatabase, serviceDataSourceOptions } from '../database/service-data-source.js';
import { MessagingModule } from '../messaging.module.js';
import type { NatsSettings } from '../nats/nats-settings.js';
import { PlatformModule } from '../platform.module.js';

/** What a service needs to run: where its schema is, where NATS is, and its clock. */
export interface ServiceConfig {
  databaseUrl: string;
  nats: NatsSettings;
  clock: Clock;
  rpcTimeoutMs?: number;
}

export function serviceConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceConfig & { healthPort: number } {
  const parsed = readConfig(ServiceEnv, env);
  return {
    databaseUrl: parsed.DATABASE_URL,
    nats: { url: parsed.NATS_URL, prefix: parsed.NATS_PREFIX },
    clock: clockFromConfig(parsed.CLOCK_NOW, parsed.CLOCK_RUNNING),
    healthPort: parsed.HEALTH_PORT,
  };
}

/** The standard imports of a service that owns a schema: platform, its DataSource, outbox and event consumer. */
export function serviceInfrastructure(name: string, config: ServiceConfig, database: ServiceDatabase): DynamicModule[] {
  return [
    PlatformModule.forRoot({
      service: name,
      nats: config.nats,
      clock: config.clock,
      ...(config.rpcTimeoutMs ? { rpcTimeoutMs: config.rpcTimeoutMs } : {}),
    }),
    TypeOrmModule.forRoot(serviceDataSourceOptions(database)),
    MessagingModule.forRoot({ databaseUrl: database.url }),
  ];
}
