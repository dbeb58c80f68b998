import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  type AccessFacts,
  type Actor,
  DomainError,
  ErrorCode,
  Id,
  IdentityRpc,
  type LessonDetails,
  LocalDate,
  PlanningRpc,
  type ResourceRef,
} from '#contracts';
import { RequestContext, RpcClient } from '#platform';
import { type ActionName, decide, POLICY } from '#policy';
import { NOT_FOUND_MESSAGES, type ResourceLocator } from './resource-locator.js';

/** The resource a request was allowed on, with the facts it was allowed by (and the lesson, for lesson routes). */
export interface AccessTarget {
  resource: ResourceRef;
  facts: AccessFacts;
  lesson?: LessonDetails;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the AccessGuard on routes whose action is about a resource. */
    accessTarget?: AccessTarget;
  }
}

const MISSING: AccessFacts = { exists: false, schoolIds: [], relations: [] };

/**
 * The decision part of the AccessGuard: finds the route's resource, asks identity for the caller's facts about it, and
 * decides with the one policy table. Refused and not visible is 404 with the words for a resource that does not
 * exist (other people's things and missing ones look alike); refused but visible is 403.
 */
@Injectable()
export class AccessDecision {
  constructor(private readonly rpc: RpcClient) {}

  async enforce(request: FastifyRequest, action: ActionName, locator: ResourceLocator | undefined, actor: Actor): Promise<void> {
    if (POLICY[action].resource === null) {
      if (!decide(action, actor, null).allowed) throw new DomainError(ErrorCode.Forbidden, 'Действие недоступно для вашей роли');
      return;
    }
    // The boot check (RouteActions) makes every route about a resource name its locator; refuse if one slips through.
    if (!locator) throw new DomainError(ErrorCode.Forbidden, 'Действие не описано в таблице доступа');
    const target = await RequestContext.run({ requestId: String(request.id), actor }, () => this.targetOf(request, locator));
    const decision = decide(action, actor, target?.facts ?? MISSING);
    if (decision.allowed && target) {
      request.accessTarget = target;
      return;
    }
    if (!decision.allowed && decision.visible) throw new DomainError(ErrorCode.Forbidden, 'Недостаточно прав для этого действия');
    throw new DomainError(ErrorCode.NotFound, NOT_FOUND_MESSAGES[locator.kind]);
  }

  /** The resource of the request and the caller's facts about it; null when it cannot exist or does not. */
  private async targetOf(request: FastifyRequest, locator: ResourceLocator): Promise<AccessTarget | null> {
    const id = Id.safeParse((request.params as Record<string, unknown> | undefined)?.[locator.param]);
    if (!id.success) return null;
    let lesson: LessonDetails | undefined;
    let resource: ResourceRef;
    switch (locator.kind) {
      case 'lesson': {
        lesson = await this.lessonOf(id.data);
        if (!lesson) return null;
        resource = { type: 'page', id: lesson.lesson.pageId, date: lesson.lesson.date, lessonId: lesson.lesson.id };
        break;
      }
      case 'student':
      case 'page': {
        const date = locator.dateQuery ? dateIn(request, locator.dateQuery) : undefined;
        resource = { type: locator.kind, id: id.data, ...(date ? { date } : {}) };
        break;
      }
      case 'class':
      case 'school':
      case 'person':
      case 'account':
        resource = { type: locator.kind, id: id.data };
    }
    const facts = await this.rpc.call(IdentityRpc.accessFacts, { resource });
    return facts.exists ? { resource, facts, ...(lesson ? { lesson } : {}) } : null;
  }

  private async lessonOf(lessonId: string): Promise<LessonDetails | undefined> {
    try {
      return await this.rpc.call(PlanningRpc.getLesson, { lessonId });
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NotFound) return undefined;
      throw error;
    }
  }
}

/** The date asked for in the query, if it is one; a malformed one is left to the route's validation (400). */
function dateIn(request: FastifyRequest, name: string): string | undefined {
  const parsed = LocalDate.safeParse((request.query as Record<string, unknown> | undefined)?.[name]);
  return parsed.success ? parsed.data : undefined;
}
