import type { LoggerService } from '@nestjs/common';
import type { Clock, NatsSettings } from '#platform';

export interface OidcSettings {
  /** Issuer identifier; discovery is read from `${issuer}/.well-known/openid-configuration` at boot. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: this gateway's `/api/v1/auth/callback`. */
  redirectUrl: string;
  /** Scopes asked for besides `openid`. */
  scopes: readonly string[];
}

/** Everything the gateway needs to run; built from the environment by main.ts, or directly by tests. */
export interface GatewayConfig {
  port: number;
  host: string;
  /** Trust X-Forwarded-* from these proxies (Fastify's trustProxy); unset: trust none. */
  trustProxy?: boolean | string[];
  /** The URL people reach the gateway at (links on the home page). */
  publicUrl: string;
  oidc: OidcSettings;
  redisUrl: string;
  /** NATS server and subject prefix; the prefix also namespaces every Redis key of this deployment. */
  nats: NatsSettings;
  sessionTtlSeconds: number;
  cookieSecure: boolean;
  clock: Clock;
  rpcTimeoutMs: number;
  /** Mobile sign-in (authorization code with PKCE) and bearer tokens; defaults in auth-settings.ts. */
  tokens?: Partial<TokenSettings>;
  /** Requests per window per account, client and IP; defaults in auth-settings.ts. */
  rateLimits?: Partial<RateLimitSettings>;
  logger?: LoggerService | false;
}

export interface TokenSettings {
  /** The client id the mobile app sends (a public client: no secret, PKCE instead). */
  mobileClientId: string;
  /** Where the gateway may send the app back with a code, compared exactly (e.g. `ejournal://auth`). */
  mobileRedirectUris: readonly string[];
  authorizationCodeTtlSeconds: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  clientTokenTtlSeconds: number;
}

/** At most `points` requests per `windowSeconds` (a fixed window). */
export interface RateLimit {
  points: number;
  windowSeconds: number;
}

export interface RateLimitSettings {
  perAccount: RateLimit;
  perClient: RateLimit;
  /** Sign-in routes (login, authorize, callback) per client IP. */
  signInPerIp: RateLimit;
  /** Token and revocation endpoints per client IP. */
  tokenPerIp: RateLimit;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
