import { createHash, randomBytes } from 'node:crypto';
import type { StateContext, StateStore } from 'passport-openidconnect';
import { z } from 'zod';
import type { RedisConnection } from '../redis/redis-connection.js';
import type { RedisKeys } from '../redis/redis-keys.js';

const STATE_TTL_SECONDS = 600;

const StoredState = z.object({
  context: z.object({ maxAge: z.number().optional(), nonce: z.string().optional(), issued: z.string().optional() }),
  appState: z.unknown(),
});

/**
 * The OIDC `state` of a login in progress, kept in Redis for ten minutes and usable once, so that any gateway
 * replica can finish a login another one started (no sticky sessions, no server-side web session).
 */
export class RedisOidcStateStore implements StateStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: RedisKeys,
  ) {}

  store(_request: unknown, context: StateContext, appState: unknown, _meta: unknown, callback: (error: Error | null, handle?: string) => void): void {
    const handle = randomBytes(24).toString('base64url');
    const value = JSON.stringify({
      context: { ...context, issued: context.issued instanceof Date ? context.issued.toISOString() : context.issued },
      appState,
    });
    this.redis
      .set(this.key(handle), value, { expiration: { type: 'EX', value: STATE_TTL_SECONDS } })
      .then(() => callback(null, handle), (error: unknown) => callback(asError(error)));
  }

  verify(
    _request: unknown,
    handle: string,
    callback: (error: Error | null, context?: StateContext | false, appState?: unknown) => void,
  ): void {
    if (typeof handle !== 'string' || !/^[\w-]{10,100}$/.test(handle)) {
      return callback(null, false, { message: 'Invalid authorization request state.' });
    }
    this.redis.getDel(this.key(handle)).then(
      (stored) => {
        const parsed = stored === null ? undefined : StoredState.safeParse(JSON.parse(stored));
        if (!parsed?.success) return callback(null, false, { message: 'Unable to verify authorization request state.' });
        const { context, appState } = parsed.data;
        callback(null, { ...context, ...(context.issued ? { issued: new Date(context.issued) } : {}) }, appState);
      },
      (error: unknown) => callback(asError(error)),
    );
  }

  private key(handle: string): string {
    return this.keys.oidcState(createHash('sha256').update(handle).digest('hex'));
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
