import type { EntityManager } from 'typeorm';
import { type EventPayload, JournalEvents, LessonColumnEvents, type Mark } from '#contracts';
import type { EventHandlers } from '#platform';
import { onePerKey, writeRows } from './batch-rows.js';

interface LessonContent {
  lessonId: string;
  pageId: string;
  topic: string | null;
  homework: string | null;
  version: number;
  enteredAt: string;
}

// Events may arrive again (a replay under a new id): a row only moves forward to the same or a later version.
async function saveContents(contents: readonly LessonContent[], manager: EntityManager): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO lesson_content (lesson_id, page_id, topic, homework, version, entered_at)
     SELECT lesson_id, page_id, topic, homework, version, entered_at
     FROM jsonb_to_recordset($1::jsonb) AS r(
       lesson_id uuid, page_id uuid, topic text, homework text, version integer, entered_at timestamptz)
     ON CONFLICT (lesson_id) DO UPDATE SET
       page_id = excluded.page_id, topic = excluded.topic, homework = excluded.homework,
       version = excluded.version, entered_at = excluded.entered_at
     WHERE lesson_content.version <= excluded.version`,
    onePerKey(
      contents,
      (content) => content.lessonId,
      (content) => content.version,
    ).map((content) => ({
      lesson_id: content.lessonId,
      page_id: content.pageId,
      topic: content.topic,
      homework: content.homework,
      version: content.version,
      entered_at: content.enteredAt,
    })),
  );
}

// A deleted mark never comes back: its tombstone outlives any older event replayed later.
async function saveMarks(marks: readonly Mark[], manager: EntityManager): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO mark (id, lesson_id, page_id, student_id, value, work_kind, entered_at, version, late, entered_by)
     SELECT id, lesson_id, page_id, student_id, value, work_kind, entered_at, version, late, entered_by
     FROM jsonb_to_recordset($1::jsonb) AS r(
       id uuid, lesson_id uuid, page_id uuid, student_id uuid, value smallint, work_kind text,
       entered_at timestamptz, version integer, late boolean, entered_by uuid)
     WHERE NOT EXISTS (SELECT 1 FROM deleted_mark d WHERE d.id = r.id)
     ON CONFLICT (id) DO UPDATE SET
       lesson_id = excluded.lesson_id, page_id = excluded.page_id, student_id = excluded.student_id,
       value = excluded.value, work_kind = excluded.work_kind, entered_at = excluded.entered_at,
       version = excluded.version, late = excluded.late, entered_by = excluded.entered_by
     WHERE mark.version <= excluded.version`,
    onePerKey(
      marks,
      (mark) => mark.id,
      (mark) => mark.version,
    ).map((mark) => ({
      id: mark.id,
      lesson_id: mark.lessonId,
      page_id: mark.pageId,
      student_id: mark.studentId,
      value: mark.value,
      work_kind: mark.workKind,
      entered_at: mark.enteredAt,
      version: mark.version,
      late: mark.late,
      entered_by: mark.enteredBy,
    })),
  );
}

/**
 * A changed mark counts with its new value and kind; it keeps the value it had before its last change of value, for
 * the e-diary's "changed: old → new" (R-MARK-7). Only a later version moves a row.
 */
async function changeMark({ mark, previous, at }: EventPayload<typeof JournalEvents.markChanged>, manager: EntityManager): Promise<void> {
  await manager.query(
    `INSERT INTO mark (id, lesson_id, page_id, student_id, value, work_kind, entered_at, version, previous_value, changed_at,
                       late, entered_by)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12
      WHERE NOT EXISTS (SELECT 1 FROM deleted_mark d WHERE d.id = $1)
     ON CONFLICT (id) DO UPDATE SET
       value = excluded.value, work_kind = excluded.work_kind, version = excluded.version,
       previous_value = COALESCE(excluded.previous_value, mark.previous_value), changed_at = excluded.changed_at
     WHERE mark.version < excluded.version`,
    [
      mark.id,
      mark.lessonId,
      mark.pageId,
      mark.studentId,
      mark.value,
      mark.workKind,
      mark.enteredAt,
      mark.version,
      previous.value === mark.value ? null : previous.value,
      at,
      // Whether the mark's entry was late, and who entered it (R-MARK-3): a change keeps those of the entry.
      mark.late,
      mark.enteredBy,
    ],
  );
}

/** A deleted mark leaves every view and average (R-MARK-7: the journal keeps it in its history). */
async function deleteMark({ mark, version, at }: EventPayload<typeof JournalEvents.markDeleted>, manager: EntityManager): Promise<void> {
  await manager.query(
    `INSERT INTO deleted_mark (id, version, deleted_at) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, deleted_at = excluded.deleted_at
     WHERE deleted_mark.version < excluded.version`,
    [mark.id, version, at],
  );
  await manager.query('DELETE FROM mark WHERE id = $1', [mark.id]);
}

/**
 * Lessons whose attendance was taken though it may have left no entry (R-REP-3): the whole column saved — every
 * student's attendance named, all present included — or the lesson loaded from another system with its records.
 */
async function attendanceTaken(
  lessonIds: readonly string[],
  source: 'column' | 'import',
  at: string | undefined,
  manager: EntityManager,
): Promise<void> {
  if (lessonIds.length === 0) return;
  await manager.query(
    `INSERT INTO lesson_attendance_taken (lesson_id, source, taken_at)
     SELECT DISTINCT unnest($1::uuid[]), $2, $3::timestamptz
     ON CONFLICT (lesson_id) DO NOTHING`,
    [lessonIds, source, at ?? new Date(0).toISOString()],
  );
}

/** Topics, homework and marks from journal's events (entered and imported alike). */
export function journalProjection(handlers: EventHandlers): EventHandlers {
  return handlers
    .on(JournalEvents.lessonContentSaved, (payload, _envelope, manager) => saveContents([payload], manager))
    .on(JournalEvents.marksSaved, (payload, _envelope, manager) => saveMarks(payload.marks, manager))
    .on(JournalEvents.markChanged, (payload, _envelope, manager) => changeMark(payload, manager))
    .on(JournalEvents.markDeleted, (payload, _envelope, manager) => deleteMark(payload, manager))
    .on(LessonColumnEvents.saved, ({ lessonId }, envelope, manager) =>
      attendanceTaken([lessonId], 'column', envelope.occurredAt, manager),
    )
    .on(JournalEvents.lessonsImported, async (payload, _envelope, manager) => {
      await saveContents(payload.lessons, manager);
      await attendanceTaken(
        payload.lessons.map((lesson) => lesson.lessonId),
        'import',
        payload.lessons[0]?.enteredAt,
        manager,
      );
      await saveMarks(
        payload.lessons.flatMap((lesson) => lesson.marks),
        manager,
      );
    });
}
