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
  logger?: LoggerService | false;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
