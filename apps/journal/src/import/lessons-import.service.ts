import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { type EventPayload, type JournalRpc, JournalEvents, type Mark, type RpcRequest } from '#contracts';
import { schoolDateAt } from '#domain';
import { batchesWithinBudget, bulkInsert, Clock, OutboxWriter, requireSystemActor } from '#platform';
import { lockLessons } from '../database/lesson-locks.js';
import type { JournalChange } from '../history/journal-history.writer.js';
import { JournalHistoryWriter } from '../history/journal-history.writer.js';
import { assertTimeZone } from './time-zone.js';

type ImportRequest = RpcRequest<typeof JournalRpc.importLessons>;
type LessonToImport = ImportRequest['lessons'][number];
type ImportedLesson = EventPayload<typeof JournalEvents.lessonsImported>['lessons'][number];

interface RecordRow {
  lesson: ImportedLesson;
  schoolId: string;
  date: string;
  enteredBy: string | null;
  planTopicId: string | null;
}

/** Loads lessons as they were recorded in another system (R-DATA-2); a lesson already recorded is left alone. */
@Injectable()
export class LessonsImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly history: JournalHistoryWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  async importLessons(request: ImportRequest): Promise<{ imported: number; skipped: number }> {
    requireSystemActor();
    assertTimeZone(request.timeZone);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const fresh = await this.notYetRecorded(manager, request.lessons);
      const skipped = request.lessons.length - fresh.length;
      if (fresh.length === 0) return { imported: 0, skipped };

      const rows = fresh.map((lesson): RecordRow => ({
        lesson: toImportedLesson(lesson, request.timeZone),
        schoolId: request.schoolId,
        date: lesson.date,
        enteredBy: lesson.enteredBy,
        planTopicId: lesson.planTopicId ?? null,
      }));
      await insertRecords(manager, rows);
      await insertMarks(manager, rows.flatMap((row) => row.lesson.marks));
      await this.history.append(manager, historyOf(rows, now));
      for (const lessons of batchesWithinBudget(rows.map((row) => row.lesson))) {
        await this.outbox.append(manager, JournalEvents.lessonsImported, { lessons });
      }
      return { imported: fresh.length, skipped };
    });
  }

  /** Lessons with neither a record nor marks yet, each once, locked against concurrent writes until commit. */
  private async notYetRecorded(manager: EntityManager, lessons: readonly LessonToImport[]): Promise<LessonToImport[]> {
    const ids = lessons.map((lesson) => lesson.lessonId);
    await lockLessons(manager, ids);
    const recorded = await manager.query<Array<{ lesson_id: string }>>(
      `SELECT lesson_id FROM lesson_record WHERE lesson_id = ANY($1::uuid[])
       UNION SELECT lesson_id FROM mark WHERE lesson_id = ANY($1::uuid[])`,
      [ids],
    );
    const seen = new Set(recorded.map((row) => row.lesson_id));
    const fresh: LessonToImport[] = [];
    for (const lesson of lessons) {
      if (seen.has(lesson.lessonId)) continue;
      seen.add(lesson.lessonId);
      fresh.push(lesson);
    }
    return fresh;
  }
}

function toImportedLesson(lesson: LessonToImport, timeZone: string): ImportedLesson {
  const enteredLate = (enteredAt: Date) => schoolDateAt(enteredAt, timeZone) > lesson.date;
  const enteredAt = new Date(lesson.enteredAt);
  return {
    lessonId: lesson.lessonId,
    pageId: lesson.pageId,
    topic: lesson.topic,
    homework: lesson.homework,
    version: 1,
    enteredAt: enteredAt.toISOString(),
    late: enteredLate(enteredAt),
    marks: lesson.marks.map((mark): Mark => {
      const markEnteredAt = new Date(mark.enteredAt);
      return {
        id: randomUUID(),
        lessonId: lesson.lessonId,
        pageId: lesson.pageId,
        studentId: mark.studentId,
        value: mark.value,
        workKind: mark.workKind,
        comment: null,
        enteredAt: markEnteredAt.toISOString(),
        enteredBy: lesson.enteredBy,
        late: enteredLate(markEnteredAt),
        version: 1,
      };
    }),
  };
}

async function insertRecords(manager: EntityManager, rows: readonly RecordRow[]): Promise<void> {
  await bulkInsert<RecordRow>(
    manager,
    'lesson_record',
    [
      { name: 'lesson_id', type: 'uuid', value: (row) => row.lesson.lessonId },
      { name: 'page_id', type: 'uuid', value: (row) => row.lesson.pageId },
      { name: 'school_id', type: 'uuid', value: (row) => row.schoolId },
      { name: 'lesson_date', type: 'date', value: (row) => row.date },
      { name: 'topic', type: 'text', value: (row) => row.lesson.topic },
      { name: 'homework', type: 'text', value: (row) => row.lesson.homework },
      { name: 'version', type: 'integer', value: (row) => row.lesson.version },
      { name: 'entered_at', type: 'timestamptz', value: (row) => row.lesson.enteredAt },
      { name: 'entered_by', type: 'uuid', value: (row) => row.enteredBy },
      { name: 'late', type: 'boolean', value: (row) => row.lesson.late },
      { name: 'updated_at', type: 'timestamptz', value: (row) => row.lesson.enteredAt },
      { name: 'plan_topic_id', type: 'uuid', value: (row) => row.planTopicId },
    ],
    rows,
  );
}

async function insertMarks(manager: EntityManager, marks: readonly Mark[]): Promise<void> {
  await bulkInsert<Mark>(
    manager,
    'mark',
    [
      { name: 'id', type: 'uuid', value: (mark) => mark.id },
      { name: 'lesson_id', type: 'uuid', value: (mark) => mark.lessonId },
      { name: 'page_id', type: 'uuid', value: (mark) => mark.pageId },
      { name: 'student_id', type: 'uuid', value: (mark) => mark.studentId },
      { name: 'value', type: 'smallint', value: (mark) => mark.value },
      { name: 'work_kind', type: 'text', value: (mark) => mark.workKind },
      { name: 'comment', type: 'text', value: (mark) => mark.comment },
      { name: 'entered_at', type: 'timestamptz', value: (mark) => mark.enteredAt },
      { name: 'entered_by', type: 'uuid', value: (mark) => mark.enteredBy },
      { name: 'late', type: 'boolean', value: (mark) => mark.late },
      { name: 'version', type: 'integer', value: (mark) => mark.version },
    ],
    marks,
  );
}

function historyOf(rows: readonly RecordRow[], at: Date): JournalChange[] {
  return rows.flatMap(({ lesson, enteredBy, planTopicId }): JournalChange[] => {
    const { marks, ...record } = lesson;
    return [
      {
        entity: 'lesson_record',
        entityId: lesson.lessonId,
        action: 'imported',
        oldValue: null,
        newValue: { ...record, enteredBy, planTopicId },
        actorId: null,
        at,
      },
      ...marks.map((mark): JournalChange => ({
        entity: 'mark',
        entityId: mark.id,
        action: 'imported',
        oldValue: null,
        newValue: mark,
        actorId: null,
        at,
      })),
    ];
  });
}
