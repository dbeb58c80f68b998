import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { VerifiedApiClient } from '#contracts';
import { Clock } from '#platform';
import type { TokenSettings } from '../config/gateway-config.js';
import { TOKEN_SETTINGS } from '../config/auth-settings.js';
import { REDIS, type RedisConnection } from '../redis/redis-connection.js';
import { opaqueToken } from '../session/opaque-token.js';
import { TokenKeys } from './token-keys.js';
import {
  AccessTokenRecord,
  type ClientTokenRecord,
  parseStored,
  type PersonTokenRecord,
  TokenFamily,
} from './token-records.js';
import { TokenScripts } from './token-scripts.js';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface IssuedClientToken {
  accessToken: string;
  expiresIn: number;
}

/** What presenting a refresh token found: its family to rotate, a token used before (the family is ended), or nothing. */
export type RefreshLookup = { kind: 'active'; familyId: string; family: TokenFamily } | { kind: 'reused' } | { kind: 'unknown' };

/**
 * Bearer tokens in Redis, each under the SHA-256 of the token. A mobile sign-in starts a family: a short-lived access
 * token and a rotating refresh token; presenting a refresh token twice ends the whole family (RFC 9700 §4.14). Every
 * token is listed under its family, its account or its client, so that revoking access ends them at once (R-ACC-4).
 */
@Injectable()
export class TokenStore {
  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    private readonly keys: TokenKeys,
    private readonly clock: Clock,
    @Inject(TOKEN_SETTINGS) private readonly settings: TokenSettings,
  ) {}

  /** Starts a family for a signed-in person of the mobile app. */
  async startFamily(family: TokenFamily): Promise<IssuedTokens> {
    const issued = await this.issue(randomUUID(), family, 'NX', null);
    if (!issued) throw new Error('A new token family could not be written');
    return issued;
  }

  /** The access token's record while it lives; null when unknown, expired, ended or malformed. */
  async findAccess(token: string): Promise<AccessTokenRecord | null> {
    if (!opaqueToken.isWellFormed(token)) return null;
    return parseStored(AccessTokenRecord, await this.redis.get(this.keys.accessToken(opaqueToken.digest(token))));
  }

  /** Looks a refresh token up without using it; a token already rotated out ends its family on the spot. */
  async lookUpRefresh(token: string): Promise<RefreshLookup> {
    if (!opaqueToken.isWellFormed(token)) return { kind: 'unknown' };
    const value = await this.redis.get(this.keys.refreshToken(opaqueToken.digest(token)));
    const state = parseRefreshValue(value);
    if (!state) return { kind: 'unknown' };
    if (state.rotated) {
      await this.endFamily(state.familyId);
      return { kind: 'reused' };
    }
    const family = parseStored(TokenFamily, await this.redis.get(this.keys.family(state.familyId)));
    return family ? { kind: 'active', familyId: state.familyId, family } : { kind: 'unknown' };
  }

  /**
   * Uses a refresh token once: new access and refresh tokens in the same family, with the account as identity sees it
   * now. Null when the token was used meanwhile (then the family is ended) or the family has ended.
   */
  async rotate(token: string, familyId: string, family: TokenFamily): Promise<IssuedTokens | null> {
    const refreshKey = this.keys.refreshToken(opaqueToken.digest(token));
    const before = await this.redis.eval(TokenScripts.claimRefresh, { keys: [refreshKey] });
    if (before === null) return null;
    if (before !== `active:${familyId}`) {
      await this.endFamily(familyId);
      return null;
    }
    return this.issue(familyId, family, 'XX', refreshKey);
  }

  async issueClientToken(client: VerifiedApiClient): Promise<IssuedClientToken> {
    const accessToken = opaqueToken.generate();
    const accessKey = this.keys.accessToken(opaqueToken.digest(accessToken));
    const record: ClientTokenRecord = { kind: 'client', ...client, issuedAt: this.clock.now().toISOString() };
    const ttl = this.settings.clientTokenTtlSeconds;
    const listed = this.keys.clientTokens(client.clientId);
    await this.redis
      .multi()
      .set(accessKey, JSON.stringify(record), { expiration: { type: 'EX', value: ttl } })
      .sAdd(listed, accessKey)
      .expire(listed, ttl)
      .exec();
    return { accessToken, expiresIn: ttl };
  }

  /** RFC 7009: ends the family of a person's access or refresh token, or a client's access token; unknown ones are ignored. */
  async revoke(token: string): Promise<void> {
    if (!opaqueToken.isWellFormed(token)) return;
    const digest = opaqueToken.digest(token);
    const access = parseStored(AccessTokenRecord, await this.redis.get(this.keys.accessToken(digest)));
    if (access?.kind === 'person') return this.endFamily(access.familyId);
    if (access?.kind === 'client') {
      const accessKey = this.keys.accessToken(digest);
      await this.redis.multi().del(accessKey).sRem(this.keys.clientTokens(access.clientId), accessKey).exec();
      return;
    }
    const refresh = parseRefreshValue(await this.redis.get(this.keys.refreshToken(digest)));
    if (refresh) await this.endFamily(refresh.familyId);
  }

  async endFamily(familyId: string): Promise<void> {
    const family = parseStored(TokenFamily, await this.redis.get(this.keys.family(familyId)));
    await this.redis.eval(TokenScripts.deleteListed, { keys: [this.keys.familyTokens(familyId), this.keys.family(familyId)] });
    if (family) await this.redis.sRem(this.keys.accountFamilies(family.session.accountId), familyId);
  }

  /** Ends every token family of an account (R-ACC-4). */
  async endAccount(accountId: string): Promise<void> {
    const listed = this.keys.accountFamilies(accountId);
    const familyIds = await this.redis.sMembers(listed);
    for (const familyId of familyIds) {
      await this.redis.eval(TokenScripts.deleteListed, { keys: [this.keys.familyTokens(familyId), this.keys.family(familyId)] });
    }
    if (familyIds.length > 0) await this.redis.sRem(listed, familyIds);
  }

  /** Ends every access token of a machine client (its access was revoked). */
  async endClient(clientId: string): Promise<void> {
    await this.redis.eval(TokenScripts.deleteListed, { keys: [this.keys.clientTokens(clientId), ''] });
  }

  private async issue(familyId: string, family: TokenFamily, mode: 'NX' | 'XX', replacedRefreshKey: string | null): Promise<IssuedTokens | null> {
    const accessToken = opaqueToken.generate();
    const refreshToken = opaqueToken.generate();
    const access: PersonTokenRecord = { kind: 'person', familyId, session: family.session };
    const written = await this.redis.eval(TokenScripts.issue, {
      keys: [
        this.keys.family(familyId),
        this.keys.accessToken(opaqueToken.digest(accessToken)),
        this.keys.refreshToken(opaqueToken.digest(refreshToken)),
        this.keys.familyTokens(familyId),
        this.keys.accountFamilies(family.session.accountId),
        replacedRefreshKey ?? '',
      ],
      arguments: [
        JSON.stringify(family),
        String(this.settings.refreshTokenTtlSeconds),
        JSON.stringify(access),
        String(this.settings.accessTokenTtlSeconds),
        `active:${familyId}`,
        mode,
        familyId,
      ],
    });
    return written === 1 ? { accessToken, refreshToken, expiresIn: this.settings.accessTokenTtlSeconds } : null;
  }
}

function parseRefreshValue(value: unknown): { rotated: boolean; familyId: string } | null {
  if (typeof value !== 'string') return null;
  const match = /^(active|rotated):([\w-]{1,64})$/.exec(value);
  return match ? { rotated: match[1] === 'rotated', familyId: match[2]! } : null;
}
