import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  JournalEvents,
  LessonColumnEvents,
  type LessonColumnRpc,
  type LessonRecord,
  type Mark,
  type RpcRequest,
} from '#contracts';
import type { WritableLesson } from '#lesson-access';
import { OutboxWriter } from '#platform';
import { lockLessons } from '../database/lesson-locks.js';
import { type JournalChange, JournalHistoryWriter } from '../history/journal-history.writer.js';
import { LessonRecordEntity } from '../lessons/lesson-record.entity.js';
import { LessonRecordReader } from '../lessons/lesson-record.reader.js';
import { MarkEntity } from '../marks/mark.entity.js';
import { toMark } from '../marks/mark.mapper.js';

type SaveRequest = RpcRequest<typeof LessonColumnRpc.save>;

/** The lesson's content as the column writes it (the topic resolved against the plan already). */
export interface ColumnContent {
  topic: string;
  homework: string | null;
  planTopicId: string | null;
}

/** What the journal writes of a column, in one transaction. */
export interface JournalPart {
  columnId: string;
  lesson: WritableLesson;
  content: ColumnContent;
  marks: NonNullable<SaveRequest['marks']>;
  removeMarks: NonNullable<SaveRequest['removeMarks']>;
  expectedVersion: number | undefined;
  reason: string | null;
}

function contentOf(record: Pick<LessonRecordEntity, 'topic' | 'homework' | 'planTopicId' | 'version'>) {
  return { topic: record.topic, homework: record.homework, planTopicId: record.planTopicId, version: record.version };
}

/**
 * Writes the journal's part of a lesson column in the caller's transaction: the column's `committed` row first (it
 * fails when the column was already given up), then under the lesson's lock the version check, the content, the
 * deleted and the new marks, each change in the history with the real actor and the column's reason (R-MARK-7), their
 * usual events, and the column's event that lets attendance confirm its part.
 */
@Injectable()
export class ColumnJournalPart {
  constructor(
    private readonly reader: LessonRecordReader,
    private readonly history: JournalHistoryWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  async commit(manager: EntityManager, part: JournalPart): Promise<LessonRecord> {
    const { id: lessonId, pageId } = part.lesson.details.lesson;
    const claimed = await manager.query<unknown[]>(
      `INSERT INTO lesson_column (column_id, lesson_id, status, actor_id) VALUES ($1, $2, 'committed', $3)
       ON CONFLICT (column_id) DO NOTHING RETURNING column_id`,
      [part.columnId, lessonId, part.lesson.actorId],
    );
    if (claimed.length === 0) {
      throw new DomainError(ErrorCode.ServiceUnavailable, 'Сохранение колонки урока прервано: повторите попытку', { lessonId });
    }
    await lockLessons(manager, [lessonId]);
    const current = await this.reader.read(manager, lessonId, pageId);
    if (part.expectedVersion !== undefined && part.expectedVersion !== current.version) {
      throw new DomainError(ErrorCode.VersionConflict, 'Запись урока уже изменена другим пользователем: обновите страницу', { current });
    }
    await this.writeContent(manager, part, current);
    await this.removeMarks(manager, part);
    await this.addMarks(manager, part);
    const saved = await this.reader.read(manager, lessonId, pageId);
    await this.outbox.append(manager, LessonColumnEvents.saved, { columnId: part.columnId, lessonId, pageId, version: saved.version });
    return saved;
  }

  /** Topic, homework and plan topic replaced whole, as `saveLessonContent` does; the same content changes nothing. */
  private async writeContent(manager: EntityManager, part: JournalPart, current: LessonRecord): Promise<void> {
    const { lesson, content } = part;
    const { id: lessonId, pageId, schoolId, date } = lesson.details.lesson;
    const unchanged =
      current.topic === content.topic && current.homework === content.homework && (current.planTopicId ?? null) === content.planTopicId;
    if (current.version > 0 && unchanged) return;
    const repository = manager.getRepository(LessonRecordEntity);
    const existing = await repository.findOneBy({ lessonId });
    const saved: LessonRecordEntity = existing
      ? { ...existing, ...content, version: existing.version + 1, updatedAt: lesson.now }
      : repository.create({
          lessonId,
          pageId,
          schoolId,
          lessonDate: date,
          ...content,
          version: 1,
          enteredAt: lesson.now,
          enteredBy: lesson.actorId,
          late: lesson.late,
          updatedAt: lesson.now,
        });
    if (existing) {
      await repository.update({ lessonId }, { ...content, version: saved.version, updatedAt: lesson.now });
    } else {
      await repository.insert(saved);
    }
    await this.history.append(manager, [
      {
        entity: 'lesson_record',
        entityId: lessonId,
        lessonId,
        pageId: saved.pageId,
        action: existing ? 'updated' : 'created',
        oldValue: existing ? contentOf(existing) : null,
        newValue: contentOf(saved),
        actorId: lesson.actorId,
        at: lesson.now,
        late: lesson.late,
        reason: part.reason,
      },
    ]);
    await this.outbox.append(manager, JournalEvents.lessonContentSaved, {
      lessonId,
      pageId: saved.pageId,
      ...content,
      version: saved.version,
      enteredAt: saved.enteredAt.toISOString(),
      late: saved.late,
    });
  }

  /** Deleted marks leave the views and averages and stay, with their history (R-MARK-7), as MarksRpc.delete does. */
  private async removeMarks(manager: EntityManager, part: JournalPart): Promise<void> {
    const { lesson } = part;
    const repository = manager.getRepository(MarkEntity);
    for (const removal of part.removeMarks) {
      const entity = await repository.findOneBy({ id: removal.markId, lessonId: lesson.details.lesson.id });
      if (!entity || entity.deletedAt) {
        throw new DomainError(ErrorCode.NotFound, 'Отметка не найдена', { markId: removal.markId });
      }
      const before = toMark(entity);
      if (removal.expectedVersion !== undefined && removal.expectedVersion !== before.version) {
        throw new DomainError(ErrorCode.VersionConflict, 'Отметка уже изменена другим пользователем: обновите страницу', {
          current: before,
          markId: before.id,
        });
      }
      const version = before.version + 1;
      await repository.update({ id: before.id }, { deletedAt: lesson.now, version });
      await this.history.append(manager, [
        { entity: 'mark', entityId: before.id, action: 'deleted', oldValue: before, newValue: null, ...this.authorOf(part) },
      ]);
      await this.outbox.append(manager, JournalEvents.markDeleted, {
        mark: before,
        version,
        at: lesson.now.toISOString(),
        actorId: lesson.actorId,
        late: lesson.late,
        reason: part.reason,
      });
    }
  }

  /** New current marks, several per student allowed (R-MARK-4), late after the lesson's day (R-MARK-3). */
  private async addMarks(manager: EntityManager, part: JournalPart): Promise<void> {
    if (part.marks.length === 0) return;
    const { lesson } = part;
    const repository = manager.getRepository(MarkEntity);
    const marks: Mark[] = [];
    for (const input of part.marks) {
      const entity = repository.create({
        id: randomUUID(),
        lessonId: lesson.details.lesson.id,
        pageId: lesson.details.lesson.pageId,
        studentId: input.studentId,
        value: input.value,
        workKind: input.workKind,
        comment: input.comment ?? null,
        enteredAt: lesson.now,
        enteredBy: lesson.actorId,
        late: lesson.late,
        version: 1,
        deletedAt: null,
      });
      await repository.insert(entity);
      marks.push(toMark(entity));
    }
    await this.history.append(
      manager,
      marks.map(
        (mark): JournalChange => ({ entity: 'mark', entityId: mark.id, action: 'created', oldValue: null, newValue: mark, ...this.authorOf(part) }),
      ),
    );
    await this.outbox.append(manager, JournalEvents.marksSaved, { marks });
  }

  private authorOf(part: JournalPart) {
    return { actorId: part.lesson.actorId, at: part.lesson.now, late: part.lesson.late, reason: part.reason };
  }
}
