import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { REDIS, type RedisConnection } from '../redis/redis-connection.js';
import { RedisKeys } from '../redis/redis-keys.js';

/** The answer given to the first request with a key, replayed to every retry. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

type Entry = { state: 'pending'; fingerprint: string } | { state: 'done'; fingerprint: string; answer: StoredAnswer };

/** How long an answer is kept for retries (the IETF draft suggests at least a day). */
const ANSWER_TTL_MS = 24 * 60 * 60 * 1000;
/** A claim outlives the longest request; if its gateway dies, the key frees itself after this. */
const CLAIM_TTL_MS = 60 * 1000;

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'pending'; sameRequest: boolean }
  | { kind: 'done'; sameRequest: boolean; answer: StoredAnswer };

/** The fingerprint of a request: what must be the same for a retry to be the same request. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${JSON.stringify(body ?? null)}`).digest('base64url');
}

/**
 * Idempotency keys in Redis, per caller: the first request claims the key atomically (SET NX), then stores its
 * answer; a retry finds the claim or the answer. Keys of different callers never meet.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    private readonly keys: RedisKeys,
  ) {}

  async claim(caller: string, key: string, fingerprint: string): Promise<Claim> {
    const redisKey = this.keys.idempotency(caller, key);
    const pending: Entry = { state: 'pending', fingerprint };
    const set = await this.redis.set(redisKey, JSON.stringify(pending), { condition: 'NX', expiration: { type: 'PX', value: CLAIM_TTL_MS } });
    if (set === 'OK') return { kind: 'claimed' };
    const raw = await this.redis.get(redisKey);
    // The claim expired between the two calls: claim again.
    if (raw === null) return this.claim(caller, key, fingerprint);
    const entry = JSON.parse(raw) as Entry;
    const sameRequest = entry.fingerprint === fingerprint;
    return entry.state === 'pending' ? { kind: 'pending', sameRequest } : { kind: 'done', sameRequest, answer: entry.answer };
  }

  async complete(caller: string, key: string, fingerprint: string, answer: StoredAnswer): Promise<void> {
    const done: Entry = { state: 'done', fingerprint, answer };
    await this.redis.set(this.keys.idempotency(caller, key), JSON.stringify(done), { expiration: { type: 'PX', value: ANSWER_TTL_MS } });
  }

  /** A request that failed changed nothing: its key is free for the retry. */
  async release(caller: string, key: string): Promise<void> {
    await this.redis.del(this.keys.idempotency(caller, key));
  }
}
