import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  IdentityRpc,
  type JournalChange,
  type JournalHistoryRpc,
  type LessonContentSnapshot,
  type MarkSnapshot,
  type RpcRequest,
} from '#contracts';
import { addDays, instantAt } from '#domain';
import { LessonAccess } from '#lesson-access';
import { currentActor, RpcClient } from '#platform';
import { decide } from '#policy';
import type { JournalHistoryEntityKind } from './journal-history.entity.js';

interface HistoryRow {
  id: string;
  entity: JournalHistoryEntityKind;
  entity_id: string;
  lesson_id: string;
  page_id: string;
  student_id: string | null;
  action: JournalChange['action'];
  old_value: Record<string, unknown> | null;
  new_value: Record<string, unknown> | null;
  actor_id: string | null;
  at: Date;
  late: boolean | null;
  reason: string | null;
}

// The cursor is the row's id as text; ORDER BY names `h.id`, the number (a bare `id` would be the text).
const COLUMNS = `h.id::text AS id, h.entity, h.entity_id, h.lesson_id, h.page_id, h.student_id, h.action, h.old_value, h.new_value,
  h.actor_id, h.at, h.late, h.reason`;

const PAGE_NOT_FOUND = 'Страница журнала не найдена';

/** The journal's history of lessons and pages (R-MARK-7), for those who may read them. */
@Injectable()
export class JournalHistoryReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LessonAccess,
    private readonly rpc: RpcClient,
  ) {}

  /** Every change of the lesson's marks and content, oldest first; deletions and imports included. */
  async ofLesson(request: RpcRequest<typeof JournalHistoryRpc.ofLesson>): Promise<{ changes: JournalChange[] }> {
    await this.access.forReading(request.lessonId, 'lessons.history.read');
    const rows = await this.dataSource.query<HistoryRow[]>(
      `SELECT ${COLUMNS} FROM journal_history h
        WHERE h.lesson_id = $1 AND ($2::uuid IS NULL OR h.student_id = $2::uuid)
        ORDER BY h.id`,
      [request.lessonId, request.studentId ?? null],
    );
    return { changes: rows.map(toChange) };
  }

  /**
   * The changes on the page's lessons, newest first, `limit` at a time before the cursor; `from`/`to` are the days
   * the changes were made on, in the school's time zone (R-CAL-2).
   */
  async ofPage(request: RpcRequest<typeof JournalHistoryRpc.ofPage>): Promise<{ changes: JournalChange[]; next: string | null }> {
    const facts = await this.rpc.call(IdentityRpc.accessFacts, { resource: { type: 'page', id: request.pageId } });
    if (!decide('pages.history.read', currentActor(), facts).allowed) throw new DomainError(ErrorCode.NotFound, PAGE_NOT_FOUND);
    const limit = request.limit ?? 100;
    const { since, until } = await this.instantsOf(facts.schoolIds[0], request.from, request.to);
    const rows = await this.dataSource.query<HistoryRow[]>(
      `SELECT ${COLUMNS} FROM journal_history h
        WHERE h.page_id = $1
          AND ($2::uuid IS NULL OR h.student_id = $2::uuid)
          AND ($3::timestamptz IS NULL OR h.at >= $3::timestamptz)
          AND ($4::timestamptz IS NULL OR h.at < $4::timestamptz)
          AND ($5::bigint IS NULL OR h.id < $5::bigint)
        ORDER BY h.id DESC
        LIMIT $6`,
      [request.pageId, request.studentId ?? null, since, until, request.before ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    return { changes: page.map(toChange), next: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
  }

  /** The start of `from` and the end of `to` in the page's school's zone. */
  private async instantsOf(
    schoolId: string | undefined,
    from: string | undefined,
    to: string | undefined,
  ): Promise<{ since: string | null; until: string | null }> {
    if (from === undefined && to === undefined) return { since: null, until: null };
    if (from !== undefined && to !== undefined && from > to) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Дата «с» позже даты «по»', { issues: [{ path: 'from', message: 'Позже даты «по»' }] });
    }
    if (!schoolId) throw new DomainError(ErrorCode.NotFound, PAGE_NOT_FOUND);
    const { timeZone } = await this.rpc.call(IdentityRpc.getSchool, { schoolId });
    return {
      since: from === undefined ? null : instantAt(from, '00:00', timeZone).toISOString(),
      until: to === undefined ? null : instantAt(addDays(to, 1), '00:00', timeZone).toISOString(),
    };
  }
}

function toChange(row: HistoryRow): JournalChange {
  const common = {
    id: row.id,
    lessonId: row.lesson_id,
    pageId: row.page_id,
    action: row.action,
    actorId: row.actor_id,
    at: row.at.toISOString(),
    late: row.late,
    reason: row.reason,
  };
  if (row.entity === 'mark') {
    if (row.student_id === null) throw new Error(`The history row ${row.id} of a mark names no student`);
    return {
      entity: 'mark',
      markId: row.entity_id,
      studentId: row.student_id,
      oldValue: row.old_value && markSnapshot(row.old_value),
      newValue: row.new_value && markSnapshot(row.new_value),
      ...common,
    };
  }
  return {
    entity: 'lesson-content',
    oldValue: row.old_value && contentSnapshot(row.old_value),
    newValue: row.new_value && contentSnapshot(row.new_value),
    ...common,
  };
}

/** Marks are kept in the history whole; the history shows what a change changes. */
function markSnapshot(value: Record<string, unknown>): MarkSnapshot {
  return {
    value: value.value as number,
    workKind: value.workKind as string,
    comment: (value.comment as string | null | undefined) ?? null,
    version: value.version as number,
  };
}

/** Imported records carry more; records written before the plan link have none. */
function contentSnapshot(value: Record<string, unknown>): LessonContentSnapshot {
  return {
    topic: (value.topic as string | null | undefined) ?? null,
    homework: (value.homework as string | null | undefined) ?? null,
    planTopicId: (value.planTopicId as string | null | undefined) ?? null,
    version: value.version as number,
  };
}
