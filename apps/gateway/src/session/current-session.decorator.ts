import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '#contracts';
import type { SignedInSession } from './gateway-session.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the AccessGuard on every route that needs a session. */
    signedIn?: SignedInSession;
  }
}

/** The signed-in session of the request (routes whose action needs a session). */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): SignedInSession => {
  const signedIn = context.switchToHttp().getRequest<FastifyRequest>().signedIn;
  if (!signedIn) throw new DomainError(ErrorCode.Unauthenticated, 'Требуется вход в систему');
  return signedIn;
});
