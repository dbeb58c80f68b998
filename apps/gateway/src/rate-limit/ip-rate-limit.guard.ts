import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { type IpBucket, RateLimits } from './rate-limits.js';

export const IP_BUCKET_METADATA = 'ej:rate-limit-ip';

/** Charges each request of a route marked with @RateLimitedByIp to its client IP, before the route runs. */
@Injectable()
export class IpRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const bucket = this.reflector.getAllAndOverride<IpBucket | undefined>(IP_BUCKET_METADATA, [context.getHandler(), context.getClass()]);
    if (bucket) await this.limits.chargeIp(bucket, context.switchToHttp().getRequest<FastifyRequest>().ip);
    return true;
  }
}
