import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createClient } from 'redis';
import { type NatsSettings, provisionDatabase, type ServiceRole, serviceDatabaseUrl, streamName } from '#platform';

export const TEST_ADMIN_DATABASE_URL =
  process.env.TEST_ADMIN_DATABASE_URL ?? process.env.ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export const SERVICE_SCHEMAS = ['identity', 'planning', 'journal', 'attendance', 'reporting'] as const;
export type ServiceSchema = (typeof SERVICE_SCHEMAS)[number];

export function serviceRole(schema: string): ServiceRole {
  return { schema, role: `ej_${schema}`, password: `ej_${schema}_dev` };
}

/** A throwaway deployment for one test file: its own database and its own NATS subject prefix and stream. */
export interface TestDeployment {
  database: string;
  nats: NatsSettings;
  databaseUrl(schema: string): string;
  dispose(): Promise<void>;
}

export async function createTestDeployment(schemas: readonly string[] = SERVICE_SCHEMAS): Promise<TestDeployment> {
  const suffix = randomBytes(5).toString('hex');
  const database = `ejt_${suffix}`;
  const roles = schemas.map(serviceRole);
  await provisionDatabase(TEST_ADMIN_DATABASE_URL, database, roles);
  const nats: NatsSettings = { url: TEST_NATS_URL, prefix: `t${suffix}` };
  return {
    database,
    nats,
    databaseUrl: (schema) => serviceDatabaseUrl(TEST_ADMIN_DATABASE_URL, database, serviceRole(schema)),
    dispose: async () => {
      await dropStream(nats);
      await dropRedisKeys(nats.prefix);
      const admin = new pg.Client({ connectionString: TEST_ADMIN_DATABASE_URL });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

async function dropStream(nats: NatsSettings): Promise<void> {
  const nc = await connect({ servers: nats.url });
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(streamName(nats)).catch(() => undefined);
  } finally {
    await nc.close();
  }
}

/** Every Redis key of a deployment starts with `ej:<prefix>:` (sessions, OIDC state, the dev IdP's users). */
async function dropRedisKeys(prefix: string): Promise<void> {
  const redis = createClient({ url: TEST_REDIS_URL });
  await redis.connect();
  try {
    for await (const keys of redis.scanIterator({ MATCH: `ej:${prefix}:*`, COUNT: 500 })) {
      if (keys.length > 0) await redis.del(keys);
    }
  } finally {
    await redis.close();
  }
}
