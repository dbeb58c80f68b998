import type { EntityManager } from 'typeorm';
import { FinalResultEvents, JournalEvents, SchoolTransferRpc } from '#contracts';
import { announceEach, announceList, batchesWithinBudget, type OutboxWriter, type SchoolTransferDeclaration, type TransferTable } from '#platform';
import { toFinalResult } from '../results/final-result.mapper.js';
import { FinalResultEntity } from '../results/final-result.entity.js';

/** An instant as the events carry it (ISO 8601 in UTC, microseconds kept). */
const instant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const SCHOOL_RESULTS = 'SELECT r.id FROM final_result r WHERE r.school_id = $1';

/**
 * The journal's part of a school (R-DATA-2): lesson records (topic, homework), marks with deleted ones, the history
 * of lessons and marks, period and year results with their history. Marks and history rows name pages, not schools:
 * the school's pages come from identity (`$2`). Not moved: `lesson_column` (the coordination state of a lesson column
 * being saved across journal and attendance, settled within seconds; nothing reads it later), `outbox`, `migrations`,
 * `school_transfer_batch`.
 */
export const JOURNAL_TRANSFER_TABLES: readonly TransferTable[] = [
  { name: 'lesson_record', where: 't.school_id = $1', orderBy: 't.lesson_id' },
  { name: 'mark', where: 't.page_id = ANY ($2)', orderBy: 't.id' },
  {
    name: 'journal_history',
    where: 't.page_id = ANY ($2) OR t.lesson_id IN (SELECT l.lesson_id FROM lesson_record l WHERE l.school_id = $1)',
    orderBy: 't.id',
    generated: ['id'],
  },
  { name: 'final_result', where: 't.school_id = $1', orderBy: 't.id' },
  { name: 'final_result_history', where: `t.result_id IN (${SCHOOL_RESULTS})`, orderBy: 't.id', generated: ['id'] },
];

/**
 * The school's lessons as an import announces them (topic, homework and the current marks; deleted marks count
 * nowhere), then its results. A lesson with marks and no record is announced with an empty record (version 0).
 */
async function announceSchool(outbox: OutboxWriter, manager: EntityManager, schoolId: string, pageIds: readonly string[]): Promise<void> {
  // A mark whose value was changed shows its old value in the e-diary: its last change of value goes first, by the
  // system (no actor: nobody is notified again); the lessons below then bring the rest of the mark as it is now.
  await announceEach(
    outbox,
    manager,
    JournalEvents.markChanged,
    `SELECT jsonb_build_object(
       'mark', jsonb_build_object('id', k.id, 'lessonId', k.lesson_id, 'pageId', k.page_id, 'studentId', k.student_id,
         'value', k.value, 'workKind', k.work_kind, 'comment', k.comment, 'enteredAt', ${instant('k.entered_at')},
         'enteredBy', k.entered_by, 'late', k.late, 'version', k.version),
       'previous', jsonb_build_object('value', (h.old_value ->> 'value')::int, 'workKind', h.old_value ->> 'workKind',
         'comment', h.old_value -> 'comment', 'version', (h.old_value ->> 'version')::int),
       'at', ${instant('h.at')}, 'actorId', NULL, 'late', COALESCE(h.late, false), 'reason', NULL) AS item
     FROM mark k
     CROSS JOIN LATERAL (
       SELECT * FROM journal_history h
       WHERE h.entity = 'mark' AND h.entity_id = k.id AND h.action = 'updated'
         AND (h.old_value ->> 'value') IS DISTINCT FROM (h.new_value ->> 'value')
       ORDER BY h.id DESC LIMIT 1) h
     WHERE k.page_id = ANY ($1::uuid[]) AND k.deleted_at IS NULL
     ORDER BY k.id`,
    [pageIds],
  );
  await announceList(
    outbox,
    manager,
    JournalEvents.lessonsImported,
    'lessons',
    `WITH lessons AS (
       SELECT lesson_id, page_id FROM lesson_record WHERE school_id = $1
       UNION SELECT lesson_id, page_id FROM mark WHERE page_id = ANY ($2::uuid[]) AND deleted_at IS NULL)
     SELECT jsonb_build_object(
       'lessonId', l.lesson_id, 'pageId', COALESCE(r.page_id, l.page_id), 'topic', r.topic, 'homework', r.homework,
       'version', COALESCE(r.version, 0), 'late', COALESCE(r.late, false), 'planTopicId', r.plan_topic_id,
       'enteredAt', ${instant('COALESCE(r.entered_at, m.first_at)')},
       'marks', COALESCE(m.marks, '[]'::jsonb)) AS item
     FROM lessons l
     LEFT JOIN lesson_record r ON r.lesson_id = l.lesson_id
     LEFT JOIN LATERAL (
       SELECT min(k.entered_at) AS first_at,
              jsonb_agg(jsonb_build_object('id', k.id, 'lessonId', k.lesson_id, 'pageId', k.page_id, 'studentId', k.student_id,
                'value', k.value, 'workKind', k.work_kind, 'comment', k.comment,
                'enteredAt', ${instant('k.entered_at')},
                'enteredBy', k.entered_by, 'late', k.late, 'version', k.version) ORDER BY k.entered_at, k.id) AS marks
       FROM mark k WHERE k.lesson_id = l.lesson_id AND k.deleted_at IS NULL) m ON true
     WHERE l.page_id IS NOT NULL
     ORDER BY l.lesson_id`,
    [schoolId, pageIds],
  );
  const results = await manager.find(FinalResultEntity, { where: { schoolId }, order: { id: 'ASC' } });
  for (const batch of batchesWithinBudget(results.map(toFinalResult))) {
    await outbox.append(manager, FinalResultEvents.resultsSaved, { results: batch, imported: true });
  }
}

export const journalTransfer: SchoolTransferDeclaration = {
  rpc: SchoolTransferRpc.journal,
  tables: JOURNAL_TRANSFER_TABLES,
  announce: (outbox, manager, schoolId, scope) => announceSchool(outbox, manager, schoolId, scope.pageIds),
};
