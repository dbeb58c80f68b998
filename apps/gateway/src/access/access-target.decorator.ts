import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '#contracts';
import type { AccessTarget } from './access-decision.js';

/** The resource the AccessGuard allowed the route's action on, with the caller's facts about it. */
export const AccessedResource = createParamDecorator((_data: unknown, context: ExecutionContext): AccessTarget => {
  const target = context.switchToHttp().getRequest<FastifyRequest>().accessTarget;
  if (!target) throw new DomainError(ErrorCode.Internal, 'Ресурс не определён проверкой доступа');
  return target;
});
