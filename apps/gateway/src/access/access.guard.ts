import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '#contracts';
import { type ActionName, POLICY } from '#policy';
import type { GatewaySession } from '../session/gateway-session.js';
import { RequestPrincipals } from '../session/request-principals.js';
import { ACTION_METADATA } from './action.decorator.js';
import { isApiPath } from './api-path.js';
import { AccessDecision } from './access-decision.js';
import { RESOURCE_METADATA, type ResourceLocator } from './resource-locator.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The one check in front of every route: a session (401), never a student (403, the regulation), the CSRF token on
 * writes (403), and the policy table's decision on the route's action and resource (404 or 403, AccessDecision).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly principals: RequestPrincipals,
    private readonly decision: AccessDecision,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const action = this.reflector.getAllAndOverride<ActionName | undefined>(ACTION_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!action) {
      // The boot check keeps this from happening; refuse rather than let an unlisted API route through.
      if (isApiPath(request.url)) throw new DomainError(ErrorCode.Forbidden, 'Действие не описано в таблице доступа');
      return true;
    }
    if (POLICY[action].resource === 'public') return true;

    const principal = await this.principals.resolve(request);
    if (!principal) throw new DomainError(ErrorCode.Unauthenticated, 'Требуется вход в систему');
    const { actor } = principal;
    // Only a cookie session needs the CSRF token: a browser never sends a bearer token on its own.
    const csrfToken = principal.kind === 'person' && principal.signedIn.via === 'cookie' ? principal.signedIn.session.csrfToken : null;
    if (actor.kind === 'person' && isStudent(actor)) {
      throw new DomainError(ErrorCode.StudentAccessForbidden, 'Обучающимся доступ к электронному журналу запрещён');
    }
    if (csrfToken !== null && WRITE_METHODS.has(request.method) && !csrfMatches(request.headers[CSRF_HEADER], csrfToken)) {
      throw new DomainError(ErrorCode.CsrfFailed, 'Запрос не подтверждён: обновите страницу и повторите действие');
    }
    // The one policy table decides, with identity's facts about the route's resource (R-ACC-3): 404 or 403.
    const locator = this.reflector.getAllAndOverride<ResourceLocator | undefined>(RESOURCE_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    await this.decision.enforce(request, action, locator, actor);
    request.principal = principal;
    if (principal.kind === 'person') request.signedIn = principal.signedIn;
    return true;
  }
}

export function isStudent(session: Pick<GatewaySession, 'grants'>): boolean {
  return session.grants.some((grant) => grant.role === 'student');
}

function csrfMatches(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string' || !sent) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}
