import { createHash, randomBytes } from 'node:crypto';

const SHAPE = /^[\w-]{20,100}$/;

/**
 * Opaque bearer secrets (cookie sessions, access and refresh tokens, authorization codes): 256 random bits, kept in
 * Redis only as their SHA-256, so a leaked Redis dump holds no usable token.
 */
export const opaqueToken = {
  generate(): string {
    return randomBytes(32).toString('base64url');
  },

  digest(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  },

  /** Could this be one of ours? Anything else is refused without asking Redis. */
  isWellFormed(token: unknown): token is string {
    return typeof token === 'string' && SHAPE.test(token);
  },
};
