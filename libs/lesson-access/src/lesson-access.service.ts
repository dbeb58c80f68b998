import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, IdentityRpc, type LessonDetails, type PageContext, PlanningRpc } from '#contracts';
import { schoolDateAt } from '#domain';
import { Clock, currentActor, RpcClient } from '#platform';
import { type ActionName, type Decision, decide } from '#policy';
import type { ReadableLesson, WritableLesson } from './accessible-lesson.js';

/** The actions a service takes on a lesson; each is decided with the one policy table (R-ACC-3). */
export type LessonWriteAction = Extract<
  ActionName,
  'lessons.content.write' | 'lessons.marks.write' | 'lessons.attendance.write' | 'lessons.attendance.reasons.write'
>;
/** The actions that read a lesson: the lesson itself, its journal history and its attendance history (R-MARK-7). */
export type LessonReadAction = Extract<ActionName, 'lessons.read' | 'lessons.history.read' | 'lessons.attendance.history.read'>;

const LESSON_NOT_FOUND = 'Урок не найден';

function lessonNotFound(): DomainError {
  return new DomainError(ErrorCode.NotFound, LESSON_NOT_FOUND);
}

function isNotFound(error: unknown): boolean {
  return error instanceof DomainError && error.code === ErrorCode.NotFound;
}

function actorIdOf(actor: Actor): string | null {
  return actor.kind === 'person' ? actor.personId : null;
}

/**
 * Asks planning and identity about a lesson and decides with the policy table whether the calling actor may read or
 * write it, from identity's facts about the lesson's page on its date. A lesson the actor may not read looks exactly
 * like a missing one.
 */
@Injectable()
export class LessonAccess {
  constructor(
    private readonly rpc: RpcClient,
    private readonly clock: Clock,
  ) {}

  async forReading(lessonId: string, action: LessonReadAction = 'lessons.read'): Promise<ReadableLesson> {
    const details = await this.findLesson(lessonId);
    const page = await this.pageOf(details);
    if (!decided(action, currentActor(), page).allowed) throw lessonNotFound();
    return { details, page };
  }

  /** Lesson found and visible, the action allowed on it (R-ACC-3), lesson not cancelled, period open. */
  async forWriting(lessonId: string, action: LessonWriteAction): Promise<WritableLesson> {
    const actor = currentActor();
    const readable = await this.forReading(lessonId);
    const { details, page } = readable;
    if (!decided(action, actor, page).allowed) {
      throw new DomainError(ErrorCode.Forbidden, 'Эта страница журнала вам не назначена');
    }
    if (details.lesson.status === 'cancelled') {
      throw new DomainError(ErrorCode.Conflict, 'Урок отменён: записи в нём не ведутся');
    }
    if (details.period?.closed) {
      throw new DomainError(ErrorCode.PeriodClosed, `Период «${details.period.nameRu}» закрыт: изменения не допускаются`);
    }
    const now = this.clock.now();
    const today = schoolDateAt(now, page.school.timeZone);
    return { ...readable, actorId: actorIdOf(actor), now, today, late: today > details.lesson.date };
  }

  private async findLesson(lessonId: string): Promise<LessonDetails> {
    try {
      return await this.rpc.call(PlanningRpc.getLesson, { lessonId });
    } catch (error) {
      throw isNotFound(error) ? lessonNotFound() : error;
    }
  }

  private async pageOf(details: LessonDetails): Promise<PageContext> {
    try {
      const { lesson } = details;
      return await this.rpc.call(IdentityRpc.pageContext, { pageId: lesson.pageId, date: lesson.date, lessonId: lesson.id });
    } catch (error) {
      throw isNotFound(error) ? lessonNotFound() : error;
    }
  }
}

/** The policy's decision with identity's facts about the page on the lesson's date. */
function decided(action: ActionName, actor: Actor, page: PageContext): Decision {
  return decide(action, actor, page.facts);
}
