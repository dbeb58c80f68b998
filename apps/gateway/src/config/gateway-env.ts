import { z } from 'zod';
import { clockFromConfig, readConfig } from '#platform';
import type { GatewayConfig } from './gateway-config.js';

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((value) => value === 'true');

export const GatewayEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  OIDC_ISSUER: z.url().default('http://localhost:3001'),
  OIDC_CLIENT_ID: z.string().min(1).default('ejournal-gateway'),
  OIDC_CLIENT_SECRET: z.string().min(1),
  OIDC_REDIRECT_URL: z.url().optional(),
  OIDC_SCOPES: z.string().default('profile'),
  REDIS_URL: z.string().min(1).default('redis://127.0.0.1:6379'),
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  NATS_PREFIX: z.string().regex(/^[a-z0-9_-]+$/).default('ej'),
  SESSION_TTL_SECONDS: z.coerce.number().int().min(60).default(43_200),
  COOKIE_SECURE: flag('true'),
  RPC_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  CLOCK_NOW: z.iso.datetime({ offset: true }).optional(),
  CLOCK_RUNNING: flag('false'),
});

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = readConfig(GatewayEnv, env);
  const publicUrl = parsed.PUBLIC_URL.replace(/\/+$/, '');
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    publicUrl,
    oidc: {
      issuer: parsed.OIDC_ISSUER.replace(/\/+$/, ''),
      clientId: parsed.OIDC_CLIENT_ID,
      clientSecret: parsed.OIDC_CLIENT_SECRET,
      redirectUrl: parsed.OIDC_REDIRECT_URL ?? `${publicUrl}/api/v1/auth/callback`,
      scopes: parsed.OIDC_SCOPES.split(/[\s,]+/).filter(Boolean),
    },
    redisUrl: parsed.REDIS_URL,
    nats: { url: parsed.NATS_URL, prefix: parsed.NATS_PREFIX },
    sessionTtlSeconds: parsed.SESSION_TTL_SECONDS,
    cookieSecure: parsed.COOKIE_SECURE,
    rpcTimeoutMs: parsed.RPC_TIMEOUT_MS,
    clock: clockFromConfig(parsed.CLOCK_NOW, parsed.CLOCK_RUNNING),
  };
}
