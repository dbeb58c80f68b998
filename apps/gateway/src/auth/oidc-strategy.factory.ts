import { type FactoryProvider } from '@nestjs/common';
import { Strategy } from 'passport-openidconnect';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { REDIS, type RedisConnection } from '../redis/redis-connection.js';
import { RedisKeys } from '../redis/redis-keys.js';
import { discoverIssuer } from './oidc-discovery.js';
import { RedisOidcStateStore } from './redis-oidc-state.store.js';

export const OIDC_STRATEGY = Symbol('OIDC_STRATEGY');

/**
 * What a successful login yields: the provider's stable subject of the person, and the SNILS the provider vouches
 * for when it gives one (ESIA does): identity may link a first sign-in to the account awaiting it (R-ACC-1).
 */
export interface OidcUser {
  subject: string;
  snils?: string;
}

/** The SNILS claim of the ID token the strategy has already checked (issuer, audience, expiry, nonce). */
function snilsClaimOf(idToken: string): string | undefined {
  try {
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { snils?: unknown };
    return typeof claims.snils === 'string' && claims.snils.length <= 20 ? claims.snils : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds the passport-openidconnect strategy at boot from the issuer's discovery document and the configuration
 * alone (nothing provider-specific), with its state in Redis.
 */
export const oidcStrategyProvider: FactoryProvider<Strategy> = {
  provide: OIDC_STRATEGY,
  inject: [GATEWAY_CONFIG, REDIS, RedisKeys],
  useFactory: async (config: GatewayConfig, redis: RedisConnection, keys: RedisKeys): Promise<Strategy> => {
    const { oidc } = config;
    const discovery = await discoverIssuer(oidc.issuer);
    return new Strategy(
      {
        issuer: discovery.issuer,
        authorizationURL: discovery.authorization_endpoint,
        tokenURL: discovery.token_endpoint,
        ...(discovery.userinfo_endpoint ? { userInfoURL: discovery.userinfo_endpoint } : {}),
        clientID: oidc.clientId,
        clientSecret: oidc.clientSecret,
        callbackURL: oidc.redirectUrl,
        scope: oidc.scopes.filter((scope) => scope !== 'openid'),
        store: new RedisOidcStateStore(redis, keys),
        nonce: true,
        skipUserProfile: true,
      },
      (_issuer, profile, _context, idToken, done) => {
        const snils = snilsClaimOf(idToken);
        done(null, { subject: profile.id, ...(snils ? { snils } : {}) } satisfies OidcUser);
      },
    );
  },
};
