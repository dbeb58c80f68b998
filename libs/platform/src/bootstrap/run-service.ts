import type { DynamicModule } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { runMigrations } from '../database/run-migrations.js';
import type { ServiceDatabase } from '../database/service-data-source.js';
import { JsonLogger } from '../logging/json-logger.js';
import { type ServiceConfig, serviceConfigFromEnv } from './service-config.js';
import { startService } from './start-service.js';

/** `main.ts` of a service: configuration from the environment, then NATS handlers and /health. */
export async function runService(name: string, moduleFor: (config: ServiceConfig) => DynamicModule): Promise<void> {
  const config = serviceConfigFromEnv();
  const service = await startService({
    name,
    module: moduleFor(config),
    nats: config.nats,
    healthPort: config.healthPort,
    host: process.env.HOST ?? '127.0.0.1',
  });
  new Logger('Bootstrap').log(`${name} is up, health at ${service.healthUrl}`);
}

/** The migration command of a service (run once per release, e.g. as a Kubernetes Job). */
export async function runMigrationCommand(name: string, databaseFor: (url: string) => ServiceDatabase): Promise<void> {
  const logger = new JsonLogger(`${name}-migrate`);
  const config = serviceConfigFromEnv();
  const applied = await runMigrations(databaseFor(config.databaseUrl));
  logger.log({ msg: 'migrations applied', applied });
}
