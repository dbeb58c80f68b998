import type { GatewayConfig, RateLimitSettings, TokenSettings } from './gateway-config.js';

export const DEFAULT_TOKEN_SETTINGS: TokenSettings = {
  mobileClientId: 'ejournal-mobile',
  mobileRedirectUris: ['ejournal://auth'],
  authorizationCodeTtlSeconds: 60,
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlSeconds: 30 * 24 * 3_600,
  clientTokenTtlSeconds: 3_600,
};

// Generous: a whole school often signs in from one address (NAT), and a mobile operator's users share addresses too.
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  perAccount: { points: 600, windowSeconds: 60 },
  perClient: { points: 1_200, windowSeconds: 60 },
  signInPerIp: { points: 300, windowSeconds: 60 },
  tokenPerIp: { points: 300, windowSeconds: 60 },
};

export const TOKEN_SETTINGS = Symbol('TOKEN_SETTINGS');
export const RATE_LIMIT_SETTINGS = Symbol('RATE_LIMIT_SETTINGS');

export function tokenSettingsOf(config: GatewayConfig): TokenSettings {
  return { ...DEFAULT_TOKEN_SETTINGS, ...config.tokens };
}

export function rateLimitSettingsOf(config: GatewayConfig): RateLimitSettings {
  return { ...DEFAULT_RATE_LIMITS, ...config.rateLimits };
}
