import { z } from 'zod';
import { JsonLogger, provisionDatabase, readConfig } from '#platform';

const SCHEMAS = ['identity', 'planning', 'journal', 'attendance', 'reporting'] as const;

const Env = z.object({
  ADMIN_DATABASE_URL: z.string().min(1),
  EJ_DATABASE: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('ejournal'),
  ...Object.fromEntries(SCHEMAS.map((schema) => [`EJ_DB_PASSWORD_${schema.toUpperCase()}`, z.string().min(8)])),
});

/** Creates the database and one login role per service schema (run as an administrator, once per release). */
const env = readConfig(Env) as Record<string, string>;
await provisionDatabase(
  env.ADMIN_DATABASE_URL!,
  env.EJ_DATABASE!,
  SCHEMAS.map((schema) => ({ schema, role: `ej_${schema}`, password: env[`EJ_DB_PASSWORD_${schema.toUpperCase()}`]! })),
);
new JsonLogger('provision').log({ msg: 'database provisioned', database: env.EJ_DATABASE, schemas: SCHEMAS });
