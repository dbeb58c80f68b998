import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { IP_BUCKET_METADATA, IpRateLimitGuard } from './ip-rate-limit.guard.js';
import type { IpBucket } from './rate-limits.js';

/** Limits the route per client IP (sign-in and token endpoints, which have no account to charge yet). */
export function RateLimitedByIp(bucket: IpBucket): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(IP_BUCKET_METADATA, bucket), UseGuards(IpRateLimitGuard));
}
