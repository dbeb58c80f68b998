import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { TOKEN_SETTINGS } from '../config/auth-settings.js';
import type { TokenSettings } from '../config/gateway-config.js';
import { REDIS, type RedisConnection } from '../redis/redis-connection.js';
import { opaqueToken } from '../session/opaque-token.js';
import { TokenKeys } from '../tokens/token-keys.js';
import { parseStored } from '../tokens/token-records.js';
import { MobileAuthorization } from './mobile-authorization.js';

/** What a code stands for: the app's request and the provider's subject of the person who signed in. */
export const CodeGrant = MobileAuthorization.extend({ subject: z.string().min(1) });
export type CodeGrant = z.infer<typeof CodeGrant>;

/** One-time authorization codes of the mobile sign-in: short-lived, kept as SHA-256, redeemed at most once. */
@Injectable()
export class AuthorizationCodes {
  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    private readonly keys: TokenKeys,
    @Inject(TOKEN_SETTINGS) private readonly settings: TokenSettings,
  ) {}

  async issue(grant: CodeGrant): Promise<string> {
    const code = opaqueToken.generate();
    await this.redis.set(this.keys.authorizationCode(opaqueToken.digest(code)), JSON.stringify(grant), {
      expiration: { type: 'EX', value: this.settings.authorizationCodeTtlSeconds },
    });
    return code;
  }

  /** The grant of a live code, which is gone from then on; null for an unknown, expired or used one. */
  async redeem(code: string): Promise<CodeGrant | null> {
    if (!opaqueToken.isWellFormed(code)) return null;
    return parseStored(CodeGrant, await this.redis.getDel(this.keys.authorizationCode(opaqueToken.digest(code))));
  }
}
