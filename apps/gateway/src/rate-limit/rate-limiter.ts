import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { GATEWAY_CONFIG, type GatewayConfig, type RateLimit } from '../config/gateway-config.js';
import { REDIS, type RedisConnection } from '../redis/redis-connection.js';

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Request counters per bucket and key in Redis (rate-limiter-flexible), shared by every gateway replica. */
@Injectable()
export class RateLimiter {
  private readonly prefix: string;
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.prefix = `ej:${config.nats.prefix}:rate-limit`;
  }

  async consume(bucket: string, key: string, limit: RateLimit): Promise<RateLimitOutcome> {
    try {
      await this.limiterFor(bucket, limit).consume(key);
      return { allowed: true };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1_000)) };
    }
  }

  private limiterFor(bucket: string, limit: RateLimit): RateLimiterRedis {
    const id = `${bucket}:${limit.points}/${limit.windowSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        useRedisPackage: true,
        keyPrefix: `${this.prefix}:${bucket}`,
        points: limit.points,
        duration: limit.windowSeconds,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
