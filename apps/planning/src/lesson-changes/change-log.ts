import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { type LessonChange, type LessonChangeKind, type LessonSlot, personIdOf } from '#contracts';
import { bulkInsert, Clock, currentActor } from '#platform';
import type { LessonEntity } from '../lessons/lesson.entity.js';
import { LessonChangeEntity } from './lesson-change.entity.js';
import { toLessonChange } from './lesson-change.mapper.js';

/** A change about to be logged: the lesson as it is after it, and what happened. */
export interface NewLessonChange {
  lesson: LessonEntity;
  kind: LessonChangeKind;
  reason: string | null;
  movedFrom?: LessonSlot;
  substituteId?: string | null;
}

/** The change log of lessons (R-PLAN-3): who changed which lesson, when, how and why. Rows are never changed. */
@Injectable()
export class ChangeLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Logs changes in the caller's transaction, as the calling actor, now. */
  async append(manager: EntityManager, changes: readonly NewLessonChange[]): Promise<LessonChange[]> {
    const actorId = personIdOf(currentActor());
    const at = this.clock.now();
    const entities = changes.map(({ lesson, kind, reason, movedFrom, substituteId }): LessonChangeEntity => ({
      id: randomUUID(),
      schoolId: lesson.schoolId,
      yearId: lesson.yearId,
      lessonId: lesson.id,
      pageId: lesson.pageId,
      classId: lesson.classId,
      subjectCode: lesson.subjectCode,
      kind,
      date: lesson.date,
      lessonNumber: lesson.lessonNumber,
      movedFromDate: movedFrom?.date ?? null,
      movedFromLessonNumber: movedFrom?.lessonNumber ?? null,
      substituteId: substituteId ?? null,
      reason,
      actorId,
      at,
    }));
    await bulkInsert<LessonChangeEntity>(
      manager,
      'lesson_change',
      [
        { name: 'id', type: 'uuid', value: (row) => row.id },
        { name: 'school_id', type: 'uuid', value: (row) => row.schoolId },
        { name: 'year_id', type: 'uuid', value: (row) => row.yearId },
        { name: 'lesson_id', type: 'uuid', value: (row) => row.lessonId },
        { name: 'page_id', type: 'uuid', value: (row) => row.pageId },
        { name: 'class_id', type: 'uuid', value: (row) => row.classId },
        { name: 'subject_code', type: 'text', value: (row) => row.subjectCode },
        { name: 'kind', type: 'text', value: (row) => row.kind },
        { name: 'date', type: 'date', value: (row) => row.date },
        { name: 'lesson_number', type: 'smallint', value: (row) => row.lessonNumber },
        { name: 'moved_from_date', type: 'date', value: (row) => row.movedFromDate },
        { name: 'moved_from_lesson_number', type: 'smallint', value: (row) => row.movedFromLessonNumber },
        { name: 'substitute_id', type: 'uuid', value: (row) => row.substituteId },
        { name: 'reason', type: 'text', value: (row) => row.reason },
        { name: 'actor_id', type: 'uuid', value: (row) => row.actorId },
        { name: 'at', type: 'timestamptz', value: (row) => row.at.toISOString() },
      ],
      entities,
    );
    return entities.map(toLessonChange);
  }

  /** The substitute of a lesson as the log knows it: the last substitution logged, unless it was removed since. */
  async substituteOf(manager: EntityManager, lessonId: string): Promise<string | null> {
    const last = await manager.getRepository(LessonChangeEntity).findOne({
      where: [
        { lessonId, kind: 'substituted' },
        { lessonId, kind: 'substitute-removed' },
      ],
      order: { seq: 'DESC' },
    });
    return last?.kind === 'substituted' ? last.substituteId : null;
  }

  /** Changes of a school's lessons dated (after or before a move) between two dates, oldest first. */
  async list(schoolId: string, from: string, to: string, classId: string | undefined): Promise<LessonChange[]> {
    const query = this.dataSource
      .getRepository(LessonChangeEntity)
      .createQueryBuilder('change')
      .where('change.schoolId = :schoolId', { schoolId })
      .andWhere('(change.date BETWEEN :from AND :to OR change.movedFromDate BETWEEN :from AND :to)', { from, to })
      .orderBy('change.seq', 'ASC');
    if (classId) query.andWhere('change.classId = :classId', { classId });
    return (await query.getMany()).map(toLessonChange);
  }
}
