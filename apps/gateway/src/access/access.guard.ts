import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '#contracts';
import type { GatewaySession } from '../session/gateway-session.js';
import { SESSION_COOKIE } from '../session/session-cookie.js';
import { SessionStore } from '../session/session.store.js';
import { ACTION_METADATA } from './action.decorator.js';
import { isApiPath } from './api-path.js';
import { type ActionName, isAllowed, isPublicAction } from './permission-table.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The one check in front of every route: a session (401), never a student (403, the regulation), the CSRF token on
 * writes (403), and a role allowed by the permission table for the route's action (403).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionStore,
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
    if (isPublicAction(action)) return true;

    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await this.sessions.find(token) : null;
    if (!token || !session) throw new DomainError(ErrorCode.Unauthenticated, 'Требуется вход в систему');
    if (isStudent(session)) {
      throw new DomainError(ErrorCode.StudentAccessForbidden, 'Обучающимся доступ к электронному журналу запрещён');
    }
    if (WRITE_METHODS.has(request.method) && !csrfMatches(request.headers[CSRF_HEADER], session.csrfToken)) {
      throw new DomainError(ErrorCode.CsrfFailed, 'Запрос не подтверждён: обновите страницу и повторите действие');
    }
    if (!isAllowed(action, session.grants)) throw new DomainError(ErrorCode.Forbidden, 'Действие недоступно для вашей роли');
    request.signedIn = { token, session };
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
