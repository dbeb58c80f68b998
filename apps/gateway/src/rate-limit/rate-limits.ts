import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '#contracts';
import { RATE_LIMIT_SETTINGS } from '../config/auth-settings.js';
import type { RateLimit, RateLimitSettings } from '../config/gateway-config.js';
import type { Principal } from '../session/principal.js';
import { RateLimiter } from './rate-limiter.js';

export type IpBucket = 'sign-in' | 'token';

/**
 * The limits of the gateway: per account and per machine client on every signed-in request, per IP on the sign-in and
 * token endpoints. Exceeding one is 429 RATE_LIMITED with Retry-After.
 */
@Injectable()
export class RateLimits {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(RATE_LIMIT_SETTINGS) private readonly settings: RateLimitSettings,
  ) {}

  chargePrincipal(principal: Principal): Promise<void> {
    return principal.kind === 'person'
      ? this.charge('account', principal.actor.accountId, this.settings.perAccount)
      : this.charge('client', principal.actor.clientId, this.settings.perClient);
  }

  chargeIp(bucket: IpBucket, ip: string): Promise<void> {
    return this.charge(`${bucket}-ip`, ip, bucket === 'sign-in' ? this.settings.signInPerIp : this.settings.tokenPerIp);
  }

  private async charge(bucket: string, key: string, limit: RateLimit): Promise<void> {
    const outcome = await this.limiter.consume(bucket, key, limit);
    if (outcome.allowed) return;
    throw new DomainError(ErrorCode.RateLimited, 'Слишком много запросов: повторите попытку позже', {
      retryAfterSeconds: outcome.retryAfterSeconds,
    });
  }
}
