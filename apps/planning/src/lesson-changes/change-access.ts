import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, IdentityRpc, type PageContext, type School } from '#contracts';
import { currentActor, RpcClient } from '#platform';
import { type ActionName, decide } from '#policy';

const FORBIDDEN = 'Изменять расписание могут заместитель директора и директор школы';

function isNotFound(error: unknown): boolean {
  return error instanceof DomainError && error.code === ErrorCode.NotFound;
}

/**
 * Planning checks the caller again with the one policy table (defence in depth), on identity's facts: a resource the
 * caller may not see answers exactly like a missing one; one they see but may not change is FORBIDDEN.
 */
@Injectable()
export class ChangeAccess {
  constructor(private readonly rpc: RpcClient) {}

  /** The page on a date (with the lesson, when the change is about one), if the caller may take the action on it. */
  async page(action: ActionName, pageId: string, date: string, lessonId?: string): Promise<PageContext> {
    const notFound = () => new DomainError(ErrorCode.NotFound, lessonId ? 'Урок не найден' : 'Страница журнала не найдена');
    let context: PageContext;
    try {
      context = await this.rpc.call(IdentityRpc.pageContext, { pageId, date, ...(lessonId ? { lessonId } : {}) });
    } catch (error) {
      throw isNotFound(error) ? notFound() : error;
    }
    const decision = decide(action, currentActor(), context.facts);
    if (decision.allowed) return context;
    throw decision.visible ? new DomainError(ErrorCode.Forbidden, FORBIDDEN) : notFound();
  }

  /** The school, if the caller may take the action on it. */
  async school(action: ActionName, schoolId: string, forbidden = FORBIDDEN): Promise<School> {
    const facts = await this.rpc.call(IdentityRpc.accessFacts, { resource: { type: 'school', id: schoolId } });
    const decision = decide(action, currentActor(), facts);
    if (!decision.allowed) {
      throw decision.visible ? new DomainError(ErrorCode.Forbidden, forbidden) : new DomainError(ErrorCode.NotFound, 'Школа не найдена');
    }
    return this.rpc.call(IdentityRpc.getSchool, { schoolId });
  }
}
