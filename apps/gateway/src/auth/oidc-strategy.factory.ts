import { type FactoryProvider } from '@nestjs/common';
import { Strategy } from 'passport-openidconnect';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { REDIS, type RedisConnection } from '../redis/redis-connection.js';
import { RedisKeys } from '../redis/redis-keys.js';
import { discoverIssuer } from './oidc-discovery.js';
import { RedisOidcStateStore } from './redis-oidc-state.store.js';

export const OIDC_STRATEGY = Symbol('OIDC_STRATEGY');

/** What a successful login yields: the provider's stable subject of the person. */
export interface OidcUser {
  subject: string;
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
      (_issuer, profile, done) => done(null, { subject: profile.id } satisfies OidcUser),
    );
  },
};
