import { z } from 'zod';
import { readConfig } from '#platform';
import type { DevIdpOptions } from '../dev-idp-options.js';

const commaList = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(z.url()).min(1));

export const DevIdpEnv = z.object({
  DEV_IDP_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  DEV_IDP_HOST: z.string().min(1).default('127.0.0.1'),
  DEV_IDP_ISSUER: z.url().default('http://localhost:3001'),
  DEV_IDP_CLIENT_ID: z.string().min(1).default('ejournal-gateway'),
  DEV_IDP_CLIENT_SECRET: z.string().min(1).default('dev-secret'),
  DEV_IDP_REDIRECT_URIS: commaList.default(['http://localhost:3000/api/v1/auth/callback']),
  DEV_IDP_ADMIN_TOKEN: z.string().min(8).default('dev-admin-token'),
  REDIS_URL: z.string().min(1).default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().regex(/^[a-z0-9_-]+$/).default('ej'),
});

export function devIdpOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DevIdpOptions {
  const parsed = readConfig(DevIdpEnv, env);
  return {
    issuer: parsed.DEV_IDP_ISSUER.replace(/\/+$/, ''),
    port: parsed.DEV_IDP_PORT,
    host: parsed.DEV_IDP_HOST,
    clients: [
      { clientId: parsed.DEV_IDP_CLIENT_ID, clientSecret: parsed.DEV_IDP_CLIENT_SECRET, redirectUris: parsed.DEV_IDP_REDIRECT_URIS },
    ],
    redis: { url: parsed.REDIS_URL, keyPrefix: parsed.REDIS_PREFIX },
    adminToken: parsed.DEV_IDP_ADMIN_TOKEN,
  };
}
