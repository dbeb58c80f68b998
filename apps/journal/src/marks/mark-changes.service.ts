import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode, JournalEvents, type Mark, type MarksRpc, type RpcRequest } from '#contracts';
import { LessonAccess, type WritableLesson } from '#lesson-access';
import { OutboxWriter } from '#platform';
import { lockLessons } from '../database/lesson-locks.js';
import { JournalHistoryWriter } from '../history/journal-history.writer.js';
import { assertMarkFitsSchool, assertMarksKept } from './mark-checks.js';
import { MarkEntity } from './mark.entity.js';
import { snapshotOf, toMark } from './mark.mapper.js';

/**
 * Changes and deletions of current marks (R-MARK-7): by whoever writes on the lesson now (the page's teacher on the
 * lesson's date or the lesson's substitute), each kept in the history with the real actor, the old and the new value,
 * the reason, and whether it was made after the lesson's day (R-MARK-3). A deleted mark stays as a row, marked deleted.
 */
@Injectable()
export class MarkChangesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LessonAccess,
    private readonly history: JournalHistoryWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  /** A new value, kind and comment; the same again changes nothing. */
  async update(request: RpcRequest<typeof MarksRpc.update>): Promise<Mark> {
    const lesson = await this.access.forWriting(request.lessonId, 'lessons.marks.write');
    assertMarksKept(lesson);
    assertMarkFitsSchool(lesson, request.value, request.workKind);
    const comment = request.comment ?? null;
    return this.dataSource.transaction(async (manager) => {
      await lockLessons(manager, [request.lessonId]);
      const before = await currentMark(manager, request.lessonId, request.markId, request.expectedVersion);
      if (before.value === request.value && before.workKind === request.workKind && before.comment === comment) return before;
      const mark: Mark = { ...before, value: request.value, workKind: request.workKind, comment, version: before.version + 1 };
      await manager
        .getRepository(MarkEntity)
        .update({ id: mark.id }, { value: mark.value, workKind: mark.workKind, comment, version: mark.version });
      const author = authorOf(lesson, request.reason);
      await this.history.append(manager, [
        { entity: 'mark', entityId: mark.id, action: 'updated', oldValue: before, newValue: mark, ...historyAuthor(author) },
      ]);
      await this.outbox.append(manager, JournalEvents.markChanged, { mark, previous: snapshotOf(before), ...author });
      return mark;
    });
  }

  /** The mark leaves the journal's views and averages; its row and its history stay (R-MARK-7). */
  async delete(request: RpcRequest<typeof MarksRpc.delete>): Promise<{ markId: string; version: number }> {
    const lesson = await this.access.forWriting(request.lessonId, 'lessons.marks.write');
    return this.dataSource.transaction(async (manager) => {
      await lockLessons(manager, [request.lessonId]);
      const before = await currentMark(manager, request.lessonId, request.markId, request.expectedVersion);
      const version = before.version + 1;
      await manager.getRepository(MarkEntity).update({ id: before.id }, { deletedAt: lesson.now, version });
      const author = authorOf(lesson, request.reason);
      await this.history.append(manager, [
        { entity: 'mark', entityId: before.id, action: 'deleted', oldValue: before, newValue: null, ...historyAuthor(author) },
      ]);
      await this.outbox.append(manager, JournalEvents.markDeleted, { mark: before, version, ...author });
      return { markId: before.id, version };
    });
  }
}

interface ChangeAuthor {
  at: string;
  actorId: string | null;
  late: boolean;
  reason: string | null;
}

function authorOf(lesson: WritableLesson, reason: string | null | undefined): ChangeAuthor {
  return { at: lesson.now.toISOString(), actorId: lesson.actorId, late: lesson.late, reason: reason ?? null };
}

function historyAuthor(author: ChangeAuthor) {
  return { actorId: author.actorId, at: new Date(author.at), late: author.late, reason: author.reason };
}

/**
 * The mark of the lesson as it is now: NOT_FOUND when the lesson has no such mark or it was deleted; VERSION_CONFLICT
 * with the current mark when the caller expects another version. Called under the lesson's lock.
 */
async function currentMark(
  manager: EntityManager,
  lessonId: string,
  markId: string,
  expectedVersion: number | undefined,
): Promise<Mark> {
  const entity = await manager.getRepository(MarkEntity).findOneBy({ id: markId, lessonId });
  if (!entity) throw new DomainError(ErrorCode.NotFound, 'Отметка не найдена');
  if (entity.deletedAt) {
    throw new DomainError(ErrorCode.NotFound, 'Отметка уже удалена', { deletedAt: entity.deletedAt.toISOString() });
  }
  const mark = toMark(entity);
  if (expectedVersion !== undefined && expectedVersion !== mark.version) {
    throw new DomainError(ErrorCode.VersionConflict, 'Отметка уже изменена другим пользователем: обновите страницу', {
      current: mark,
    });
  }
  return mark;
}
