import { type Actor, DomainError, ErrorCode, type PersonActor } from '#contracts';
import { RequestContext } from '../context/request-context.js';

/** The actor of the request being handled; refuses when the caller sent none. */
export function currentActor(): Actor {
  const actor = RequestContext.current()?.actor;
  if (!actor) throw new DomainError(ErrorCode.Unauthenticated, 'Требуется вход в систему');
  return actor;
}

export function currentPerson(): PersonActor {
  const actor = currentActor();
  if (actor.kind !== 'person') throw new DomainError(ErrorCode.Forbidden, 'Действие доступно только пользователю');
  return actor;
}

export function requireSystemActor(): void {
  if (currentActor().kind !== 'system') throw new DomainError(ErrorCode.Forbidden, 'Действие доступно только системе');
}
