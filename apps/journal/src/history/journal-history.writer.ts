import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { appendHistory, type HistoryChange } from '#platform';
import type { JournalHistoryEntityKind } from './journal-history.entity.js';

export interface JournalChange extends HistoryChange {
  entity: JournalHistoryEntityKind;
  entityId: string;
  /** The lesson, page and student the change is about; taken from the values (or the lesson's record) when left out. */
  lessonId?: string;
  pageId?: string;
  studentId?: string | null;
  /** Made after the lesson's day (R-MARK-3); for a new mark, its own `late` when left out. */
  late?: boolean | null;
}

interface Located extends JournalChange {
  lessonId: string;
  pageId: string;
}

interface MarkLike {
  lessonId?: unknown;
  pageId?: unknown;
  studentId?: unknown;
  late?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Appends changes to the journal history in the caller's transaction (R-MARK-7). */
@Injectable()
export class JournalHistoryWriter {
  async append(manager: EntityManager, changes: readonly JournalChange[]): Promise<void> {
    if (changes.length === 0) return;
    await appendHistory<Located>(
      manager,
      'journal_history',
      [
        { name: 'entity', type: 'text', value: (change) => change.entity },
        { name: 'entity_id', type: 'uuid', value: (change) => change.entityId },
        { name: 'lesson_id', type: 'uuid', value: (change) => change.lessonId },
        { name: 'page_id', type: 'uuid', value: (change) => change.pageId },
        { name: 'student_id', type: 'uuid', value: (change) => change.studentId ?? null },
        { name: 'late', type: 'boolean', value: (change) => change.late ?? null },
      ],
      await located(manager, changes),
    );
  }
}

/**
 * Every change with its lesson, page and student: a mark's from the mark (its values carry them), a lesson record's
 * lesson is the record's own id and its page the record's, read in the same transaction when not given.
 */
async function located(manager: EntityManager, changes: readonly JournalChange[]): Promise<Located[]> {
  const filled = changes.map((change) => {
    const value = (change.newValue ?? change.oldValue ?? {}) as MarkLike;
    const isMark = change.entity === 'mark';
    const isNewMark = isMark && (change.action === 'created' || change.action === 'imported');
    return {
      ...change,
      lessonId: change.lessonId ?? (isMark ? text(value.lessonId) : change.entityId),
      pageId: change.pageId ?? text(value.pageId),
      studentId: change.studentId ?? (isMark ? (text(value.studentId) ?? null) : null),
      late: change.late ?? (isNewMark && typeof value.late === 'boolean' ? value.late : null),
    };
  });
  const unknownPages = [...new Set(filled.filter((change) => !change.pageId && change.lessonId).map((change) => change.lessonId!))];
  const pageOf = new Map<string, string>();
  if (unknownPages.length > 0) {
    const rows = await manager.query<Array<{ lesson_id: string; page_id: string }>>(
      `SELECT lesson_id, page_id FROM lesson_record WHERE lesson_id = ANY($1::uuid[])
       UNION SELECT lesson_id, page_id FROM mark WHERE lesson_id = ANY($1::uuid[])`,
      [unknownPages],
    );
    for (const row of rows) pageOf.set(row.lesson_id, row.page_id);
  }
  return filled.map((change) => {
    const pageId = change.pageId ?? (change.lessonId ? pageOf.get(change.lessonId) : undefined);
    if (!change.lessonId || !pageId) throw new Error(`A history row of ${change.entity} ${change.entityId} names no lesson or page`);
    return { ...change, lessonId: change.lessonId, pageId };
  });
}
