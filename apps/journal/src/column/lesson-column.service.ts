import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import {
  type Actor,
  type AttendanceEntry,
  DomainError,
  ErrorCode,
  type LessonColumn,
  type LessonColumnRpc,
  type LessonColumnStatus,
  type LessonRecord,
  type RpcRequest,
} from '#contracts';
import { LessonAccess, type WritableLesson } from '#lesson-access';
import { currentActor, requireSystemActor } from '#platform';
import { LessonRecordReader } from '../lessons/lesson-record.reader.js';
import { PlanTopics } from '../lessons/plan-topics.js';
import { AttendanceColumn } from './attendance-column.js';
import { assertColumnMarks } from './column-checks.js';
import { type ColumnContent, ColumnJournalPart } from './column-journal-part.js';
import { LessonColumnEntity } from './lesson-column.entity.js';

type SaveRequest = RpcRequest<typeof LessonColumnRpc.save>;

/** The journal resolving a column another request left pending. */
const JOURNAL: Actor = { kind: 'system', name: 'journal' };
/** How long a save waits for another column of the same lesson to finish before it is refused. */
const WAIT_FOR_OTHER_COLUMN_MS = 5_000;
const WAIT_STEP_MS = 50;
const SNAPSHOT_ATTEMPTS = 5;

function pendingColumnOf(error: unknown): string | null {
  if (!(error instanceof DomainError) || error.code !== ErrorCode.Conflict) return null;
  const pending = error.details?.pendingColumnId;
  return typeof pending === 'string' ? pending : null;
}

/** A call that may or may not have done its work: no answer in time, or a failure that is not a refusal. */
function outcomeUnknown(error: unknown): boolean {
  return !(error instanceof DomainError) || error.code === ErrorCode.ServiceUnavailable || error.code === ErrorCode.Internal;
}

function sameRecord(a: LessonRecord, b: LessonRecord): boolean {
  return a.version === b.version && a.marks.map((mark) => `${mark.id}:${mark.version}`).join() === b.marks.map((mark) => `${mark.id}:${mark.version}`).join();
}

/**
 * A whole lesson column (topic, homework, plan topic, marks, attendance) saved in one atomic request, the journal
 * coordinating attendance's part as a reservation (try / confirm / cancel):
 * 1. the journal checks its part (who writes, marks, the plan topic, the record's version);
 * 2. attendance checks its part and reserves it (`prepare`), or refuses, and nothing changed anywhere;
 * 3. the journal commits its part with the column's event, then attendance `confirm`s; when the journal's transaction
 *    fails it gives the column up (`aborted`, for good) and attendance `cancel`s.
 * If the confirmation is lost, attendance confirms from the journal's event, or after a timeout from `status`.
 */
@Injectable()
export class LessonColumnService {
  private readonly logger = new Logger(LessonColumnService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LessonAccess,
    private readonly reader: LessonRecordReader,
    private readonly planTopics: PlanTopics,
    private readonly attendance: AttendanceColumn,
    private readonly journalPart: ColumnJournalPart,
  ) {}

  /**
   * Saves the column, or nothing. A stale version (of the record, a student's attendance or a deleted mark) refuses it
   * whole with VERSION_CONFLICT and the column as it is now in `current`. Answers the saved column.
   */
  async save(request: SaveRequest): Promise<LessonColumn> {
    const lesson = await this.access.forWriting(request.lessonId, 'lessons.content.write');
    const marks = request.marks ?? [];
    const removeMarks = request.removeMarks ?? [];
    assertColumnMarks(lesson, currentActor(), marks, removeMarks.length);
    const content = await this.contentOf(request, lesson);
    const { id: lessonId, pageId } = lesson.details.lesson;
    const seen = await this.reader.read(this.dataSource.manager, lessonId, pageId);
    if (request.expectedVersion !== undefined && request.expectedVersion !== seen.version) {
      throw await this.conflict(
        new DomainError(ErrorCode.VersionConflict, 'Запись урока уже изменена другим пользователем: обновите страницу'),
        lessonId,
        pageId,
      );
    }

    const columnId = randomUUID();
    const reserved = await this.reserveAttendance(columnId, request, lessonId, pageId);
    let record: LessonRecord;
    try {
      record = await this.dataSource.transaction((manager) =>
        this.journalPart.commit(manager, {
          columnId,
          lesson,
          content,
          marks,
          removeMarks,
          expectedVersion: request.expectedVersion,
          reason: request.reason ?? null,
        }),
      );
    } catch (error) {
      await this.giveUp(columnId, lessonId);
      throw await this.conflict(error, lessonId, pageId);
    }
    await this.confirm(columnId);
    return { ...record, attendance: reserved };
  }

  /**
   * Whether a column committed (system only). A column with no `committed` row is marked aborted by this very question
   * (waiting for a commit in progress to end), so the answer never changes afterwards.
   */
  async status(columnId: string): Promise<{ columnId: string; status: LessonColumnStatus }> {
    requireSystemActor();
    await this.dataSource.query(
      `INSERT INTO lesson_column (column_id, status) VALUES ($1, 'aborted') ON CONFLICT (column_id) DO NOTHING`,
      [columnId],
    );
    const row = await this.dataSource.getRepository(LessonColumnEntity).findOneByOrFail({ columnId });
    return { columnId, status: row.status };
  }

  /**
   * Attendance's check and reservation. While another column of the lesson is pending, waits for it: one the journal
   * has committed or given up is resolved here at once; one still in progress is waited for, up to a few seconds.
   */
  private async reserveAttendance(columnId: string, request: SaveRequest, lessonId: string, pageId: string): Promise<AttendanceEntry[]> {
    const deadline = Date.now() + WAIT_FOR_OTHER_COLUMN_MS;
    for (;;) {
      try {
        const { entries } = await this.attendance.prepare({
          columnId,
          lessonId,
          entries: request.attendance ?? [],
          reason: request.reason ?? null,
        });
        return entries;
      } catch (error) {
        // No answer: attendance may have reserved it all the same, so the column is given up for good.
        if (outcomeUnknown(error)) await this.giveUp(columnId, lessonId);
        const pending = pendingColumnOf(error);
        if (pending === null) throw await this.conflict(error, lessonId, pageId);
        if (await this.resolveEnded(pending, lessonId)) continue;
        if (Date.now() > deadline) throw error;
        await sleep(WAIT_STEP_MS);
      }
    }
  }

  /** Confirms or cancels a pending column that has ended in the journal; false while it is still in progress. */
  private async resolveEnded(columnId: string, lessonId: string): Promise<boolean> {
    const ended = await this.dataSource.getRepository(LessonColumnEntity).findOneBy({ columnId });
    if (!ended) return false;
    if (ended.status === 'committed') await this.attendance.confirm(columnId, JOURNAL);
    else await this.attendance.cancel(columnId, lessonId, JOURNAL);
    return true;
  }

  /**
   * The journal's part failed: the column is given up for good (unless its commit went through after all, when the
   * event confirms it) and attendance drops its reservation; if that call fails, the timeout resolves it.
   */
  private async giveUp(columnId: string, lessonId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO lesson_column (column_id, lesson_id, status) VALUES ($1, $2, 'aborted') ON CONFLICT (column_id) DO NOTHING`,
      [columnId, lessonId],
    );
    const ended = await this.dataSource.getRepository(LessonColumnEntity).findOneByOrFail({ columnId });
    if (ended.status === 'committed') return;
    await this.attendance.cancel(columnId, lessonId).catch((error: unknown) => {
      this.logger.warn(`Lesson column ${columnId} given up; attendance will cancel it on its timeout: ${String(error)}`);
    });
  }

  /** The journal committed: attendance writes its part; if this call fails, the event (or the timeout) does it. */
  private async confirm(columnId: string): Promise<void> {
    await this.attendance.confirm(columnId).catch((error: unknown) => {
      this.logger.warn(`Lesson column ${columnId} committed; attendance will confirm it from the event: ${String(error)}`);
    });
  }

  /** A version conflict of any part becomes the column's, with the whole current column; other refusals pass. */
  private async conflict(error: unknown, lessonId: string, pageId: string): Promise<unknown> {
    if (!(error instanceof DomainError) || error.code !== ErrorCode.VersionConflict) return error;
    const current = await this.currentColumn(lessonId, pageId);
    return new DomainError(ErrorCode.VersionConflict, error.message, { ...error.details, current });
  }

  /**
   * The column as it is now, never half of another column: a column committed in the journal and still pending in
   * attendance is confirmed first, and the record is read again until it did not change meanwhile.
   */
  private async currentColumn(lessonId: string, pageId: string): Promise<LessonColumn> {
    let column: LessonColumn | undefined;
    for (let attempt = 0; attempt < SNAPSHOT_ATTEMPTS; attempt += 1) {
      const record = await this.reader.read(this.dataSource.manager, lessonId, pageId);
      const state = await this.attendance.state(lessonId);
      column = { ...record, attendance: state.entries };
      if (state.pendingColumnId && (await this.resolveEnded(state.pendingColumnId, lessonId))) continue;
      if (sameRecord(record, await this.reader.read(this.dataSource.manager, lessonId, pageId))) return column;
    }
    return column!;
  }

  /**
   * The lesson's topic: as written, or else the title of the plan topic it is linked to (R-PLAN-3); a new link is
   * checked against the plan of the lesson's page. The same rule as `saveLessonContent`.
   */
  private async contentOf(request: SaveRequest, lesson: WritableLesson): Promise<ColumnContent> {
    const planTopicId = request.planTopicId ?? null;
    const homework = request.homework ? request.homework : null;
    if (planTopicId === null) {
      if (request.topic === undefined) throw new DomainError(ErrorCode.ValidationFailed, 'Укажите тему урока или тему из КТП');
      return { topic: request.topic, homework, planTopicId };
    }
    const kept = (await this.reader.planTopicIdOf(this.dataSource.manager, request.lessonId)) === planTopicId;
    if (kept && request.topic !== undefined) return { topic: request.topic, homework, planTopicId };
    const planTopic = await this.planTopics.find(request.lessonId, lesson.details.lesson.pageId, planTopicId);
    return { topic: request.topic ?? planTopic.title, homework, planTopicId };
  }
}
