import { z } from 'zod';
import { readConfig, type ServiceRole } from '#platform';

export const SERVICES = ['identity', 'planning', 'journal', 'attendance', 'reporting'] as const;
export type ServiceName = (typeof SERVICES)[number];

const StackEnv = z.object({
  ADMIN_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/postgres'),
  EJ_DATABASE: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('ejournal'),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  NATS_PREFIX: z.string().default('ej'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  EJ_GATEWAY_PORT: z.coerce.number().int().default(3000),
  /** Where the gateway listens; 0.0.0.0 opens the development system to the network. */
  EJ_GATEWAY_HOST: z.string().default('127.0.0.1'),
  EJ_DEV_IDP_PORT: z.coerce.number().int().default(3001),
  EJ_FIRST_HEALTH_PORT: z.coerce.number().int().default(3101),
  EJ_PUBLIC_HOST: z.string().default('localhost'),
  EJ_DEMO_PASSWORD: z.string().min(4).default('demo'),
  EJ_DEMO: z.enum(['full', 'none']).default('full'),
  /** Where the processes' logs go. */
  EJ_LOG_DIR: z.string().default('.run/logs'),
  CLOCK_NOW: z.string().optional(),
});

export type StackConfig = ReturnType<typeof stackConfig>;

/** Development defaults for one machine; every value can be overridden from the environment. */
export function stackConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = readConfig(StackEnv, env);
  const gatewayUrl = `http://${parsed.EJ_PUBLIC_HOST}:${parsed.EJ_GATEWAY_PORT}`;
  const devIdpUrl = `http://${parsed.EJ_PUBLIC_HOST}:${parsed.EJ_DEV_IDP_PORT}`;
  return {
    ...parsed,
    gatewayUrl,
    devIdpUrl,
    logDir: parsed.EJ_LOG_DIR,
    oidcClientId: 'ejournal-gateway',
    oidcClientSecret: env.EJ_OIDC_CLIENT_SECRET ?? 'dev-secret',
    devIdpAdminToken: env.DEV_IDP_ADMIN_TOKEN ?? 'dev-admin-token',
    role: (schema: ServiceName): ServiceRole => ({
      schema,
      role: `ej_${schema}`,
      password: env[`EJ_DB_PASSWORD_${schema.toUpperCase()}`] ?? `ej_${schema}_dev`,
    }),
    healthPort: (schema: ServiceName) => parsed.EJ_FIRST_HEALTH_PORT + SERVICES.indexOf(schema),
  };
}
