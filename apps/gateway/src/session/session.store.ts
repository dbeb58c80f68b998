import { Inject, Injectable } from '@nestjs/common';
import type { ResolvedAccount } from '#contracts';
import { Clock } from '#platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { REDIS, type RedisConnection } from '../redis/redis-connection.js';
import { RedisKeys } from '../redis/redis-keys.js';
import { GatewaySession, newGatewaySession, type SignedInSession } from './gateway-session.js';
import { opaqueToken } from './opaque-token.js';

/**
 * Sessions in Redis under the SHA-256 of a random 32-byte cookie token (a leaked Redis dump holds no usable
 * token), with a sliding TTL, and listed per account so that revoking an account can end them all (R-ACC-4).
 */
@Injectable()
export class SessionStore {
  private readonly ttlSeconds: number;

  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    private readonly keys: RedisKeys,
    private readonly clock: Clock,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.ttlSeconds = config.sessionTtlSeconds;
  }

  async create(account: ResolvedAccount): Promise<SignedInSession> {
    const token = opaqueToken.generate();
    const session = newGatewaySession(account, this.clock.now());
    const digest = opaqueToken.digest(token);
    const accountSessions = this.keys.accountSessions(account.accountId);
    await this.redis
      .multi()
      .set(this.keys.session(digest), JSON.stringify(session), { expiration: { type: 'EX', value: this.ttlSeconds } })
      .sAdd(accountSessions, digest)
      .expire(accountSessions, this.ttlSeconds)
      .exec();
    return { via: 'cookie', token, session };
  }

  /** The session of a cookie token, its TTL extended; null when unknown, expired or unreadable. */
  async find(token: string): Promise<GatewaySession | null> {
    if (!opaqueToken.isWellFormed(token)) return null;
    const stored = await this.redis.getEx(this.keys.session(opaqueToken.digest(token)), { type: 'EX', value: this.ttlSeconds });
    if (stored === null) return null;
    const parsed = GatewaySession.safeParse(safeJson(stored));
    if (!parsed.success) return null;
    await this.redis.expire(this.keys.accountSessions(parsed.data.accountId), this.ttlSeconds, 'GT');
    return parsed.data;
  }

  async destroy(token: string, accountId: string): Promise<void> {
    const digest = opaqueToken.digest(token);
    await this.redis.multi().del(this.keys.session(digest)).sRem(this.keys.accountSessions(accountId), digest).exec();
  }

  /** Ends every open session of an account (R-ACC-4); a session started meanwhile stays listed, so it can be ended too. */
  async destroyAccount(accountId: string): Promise<void> {
    const listed = this.keys.accountSessions(accountId);
    const digests = await this.redis.sMembers(listed);
    if (digests.length === 0) return;
    await this.redis
      .multi()
      .del(digests.map((digest) => this.keys.session(digest)))
      .sRem(listed, digests)
      .exec();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
