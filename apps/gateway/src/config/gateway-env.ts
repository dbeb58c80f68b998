import { z } from 'zod';
import { clockFromConfig, readConfig } from '#platform';
import { DEFAULT_RATE_LIMITS, DEFAULT_TOKEN_SETTINGS } from './auth-settings.js';
import type { GatewayConfig, RateLimit } from './gateway-config.js';

function limitText({ points, windowSeconds }: RateLimit): string {
  return `${points}/${windowSeconds}`;
}

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((value) => value === 'true');

/** `points/seconds`, e.g. `600/60`: at most 600 requests a minute. */
const rateLimit = (fallback: string) =>
  z
    .string()
    .regex(/^\d+\/\d+$/, 'limit as points/seconds, e.g. 600/60')
    .default(fallback)
    .transform((value) => {
      const [points, windowSeconds] = value.split('/').map(Number) as [number, number];
      return { points, windowSeconds };
    })
    .refine((limit) => limit.points >= 1 && limit.windowSeconds >= 1, 'points and seconds must be at least 1');

const seconds = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

export const GatewayEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Behind an ingress: `true`, or a comma-separated list of proxy addresses or CIDRs. */
  TRUST_PROXY: z.string().optional(),
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
  MOBILE_CLIENT_ID: z.string().min(1).default(DEFAULT_TOKEN_SETTINGS.mobileClientId),
  MOBILE_REDIRECT_URIS: z.string().min(1).default(DEFAULT_TOKEN_SETTINGS.mobileRedirectUris.join(' ')),
  AUTHORIZATION_CODE_TTL_SECONDS: seconds(DEFAULT_TOKEN_SETTINGS.authorizationCodeTtlSeconds),
  ACCESS_TOKEN_TTL_SECONDS: seconds(DEFAULT_TOKEN_SETTINGS.accessTokenTtlSeconds),
  REFRESH_TOKEN_TTL_SECONDS: seconds(DEFAULT_TOKEN_SETTINGS.refreshTokenTtlSeconds),
  CLIENT_TOKEN_TTL_SECONDS: seconds(DEFAULT_TOKEN_SETTINGS.clientTokenTtlSeconds),
  RATE_LIMIT_ACCOUNT: rateLimit(limitText(DEFAULT_RATE_LIMITS.perAccount)),
  RATE_LIMIT_CLIENT: rateLimit(limitText(DEFAULT_RATE_LIMITS.perClient)),
  RATE_LIMIT_SIGN_IN_IP: rateLimit(limitText(DEFAULT_RATE_LIMITS.signInPerIp)),
  RATE_LIMIT_TOKEN_IP: rateLimit(limitText(DEFAULT_RATE_LIMITS.tokenPerIp)),
  CLOCK_NOW: z.iso.datetime({ offset: true }).optional(),
  CLOCK_RUNNING: flag('false'),
});

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = readConfig(GatewayEnv, env);
  const publicUrl = parsed.PUBLIC_URL.replace(/\/+$/, '');
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    ...(parsed.TRUST_PROXY ? { trustProxy: trustProxyOf(parsed.TRUST_PROXY) } : {}),
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
    tokens: {
      mobileClientId: parsed.MOBILE_CLIENT_ID,
      mobileRedirectUris: parsed.MOBILE_REDIRECT_URIS.split(/[\s,]+/).filter(Boolean),
      authorizationCodeTtlSeconds: parsed.AUTHORIZATION_CODE_TTL_SECONDS,
      accessTokenTtlSeconds: parsed.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: parsed.REFRESH_TOKEN_TTL_SECONDS,
      clientTokenTtlSeconds: parsed.CLIENT_TOKEN_TTL_SECONDS,
    },
    rateLimits: {
      perAccount: parsed.RATE_LIMIT_ACCOUNT,
      perClient: parsed.RATE_LIMIT_CLIENT,
      signInPerIp: parsed.RATE_LIMIT_SIGN_IN_IP,
      tokenPerIp: parsed.RATE_LIMIT_TOKEN_IP,
    },
    clock: clockFromConfig(parsed.CLOCK_NOW, parsed.CLOCK_RUNNING),
  };
}

/** Fastify's trustProxy from the environment: so per-IP limits and logs see the client, not the ingress. */
export function trustProxyOf(value: string): boolean | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  return value.split(',').map((entry) => entry.trim()).filter(Boolean);
}
