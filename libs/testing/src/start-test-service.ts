import type { DynamicModule } from '@nestjs/common';
import {
  type Clock,
  FixedClock,
  JsonLogger,
  runMigrations,
  type RunningService,
  type ServiceConfig,
  type ServiceDatabase,
  startService,
} from '#platform';
import type { TestDeployment } from './test-deployment.js';

/** "Today" in tests unless a test fixes another: Thursday 3 December 2026, 10:00 in Yekaterinburg. */
export const TEST_NOW = new Date('2026-12-03T10:00:00+05:00');

export interface TestServiceSpec {
  name: string;
  schema: string;
  database: (url: string) => ServiceDatabase;
  module: (config: ServiceConfig) => DynamicModule;
}

/** Migrates a service's schema in the test deployment and starts it there, on real Postgres and NATS. */
export async function startTestService(
  spec: TestServiceSpec,
  deployment: TestDeployment,
  clock: Clock = new FixedClock(TEST_NOW),
): Promise<RunningService> {
  const databaseUrl = deployment.databaseUrl(spec.schema);
  await runMigrations(spec.database(databaseUrl));
  return startService({
    name: spec.name,
    module: spec.module({ databaseUrl, nats: deployment.nats, clock, rpcTimeoutMs: 15_000 }),
    nats: deployment.nats,
    healthPort: 0,
    logger: process.env.TEST_LOGS ? new JsonLogger(spec.name) : false,
  });
}
