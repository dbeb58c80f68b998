import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RATE_LIMITS, DEFAULT_TOKEN_SETTINGS, rateLimitSettingsOf, tokenSettingsOf } from './auth-settings.js';
import { gatewayConfigFromEnv } from './gateway-env.js';

const ENV = { OIDC_CLIENT_SECRET: 'secret' };

describe('gateway configuration of tokens and rate limits', () => {
  it('defaults: 15-minute access tokens, 30-day refresh tokens, hour-long client tokens, generous limits', () => {
    const config = gatewayConfigFromEnv(ENV);
    expect(tokenSettingsOf(config)).toEqual(DEFAULT_TOKEN_SETTINGS);
    expect(rateLimitSettingsOf(config)).toEqual(DEFAULT_RATE_LIMITS);
    expect(DEFAULT_TOKEN_SETTINGS).toMatchObject({ accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 2_592_000, clientTokenTtlSeconds: 3_600 });
  });

  it('reads limits as points/seconds and the allowed mobile redirect URIs from the environment', () => {
    const config = gatewayConfigFromEnv({
      ...ENV,
      RATE_LIMIT_ACCOUNT: '100/10',
      RATE_LIMIT_TOKEN_IP: '5/60',
      MOBILE_REDIRECT_URIS: 'ejournal://auth, ru.school.ejournal:/oauth',
      ACCESS_TOKEN_TTL_SECONDS: '300',
    });
    expect(rateLimitSettingsOf(config)).toMatchObject({ perAccount: { points: 100, windowSeconds: 10 }, tokenPerIp: { points: 5, windowSeconds: 60 } });
    expect(tokenSettingsOf(config)).toMatchObject({
      mobileRedirectUris: ['ejournal://auth', 'ru.school.ejournal:/oauth'],
      accessTokenTtlSeconds: 300,
    });
  });

  it('refuses a limit that is not points/seconds', () => {
    expect(() => gatewayConfigFromEnv({ ...ENV, RATE_LIMIT_CLIENT: 'lots' })).toThrow();
    expect(() => gatewayConfigFromEnv({ ...ENV, RATE_LIMIT_CLIENT: '0/60' })).toThrow();
  });
});
