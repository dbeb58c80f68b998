import type { EntityManager } from 'typeorm';
import { AttendanceEvents, SchoolTransferRpc } from '#contracts';
import { announceList, type OutboxWriter, type SchoolTransferDeclaration, type TransferTable } from '#platform';

const SCHOOL_LESSONS = 'SELECT e.lesson_id FROM attendance_entry e WHERE e.page_id = ANY ($2)';
const SCHOOL_NOTICES = 'SELECT n.id FROM absence_notice n WHERE n.school_id = $1';

/**
 * Attendance's part of a school (R-DATA-2): entries with their history, parents' notices with theirs, and the class
 * teachers' excuses (of a notice of the school, or without a notice for a student of the school, `$3`). Entries name
 * pages, not schools: the school's pages come from identity (`$2`). Not moved: `column_reservation` and
 * `column_reservation_entry` (a lesson column's reservation while the journal commits it, settled within seconds),
 * `outbox`, `migrations`, `school_transfer_batch`.
 */
export const ATTENDANCE_TRANSFER_TABLES: readonly TransferTable[] = [
  { name: 'attendance_entry', where: 't.page_id = ANY ($2)', orderBy: 't.lesson_id, t.student_id' },
  { name: 'attendance_history', where: `t.lesson_id IN (${SCHOOL_LESSONS})`, orderBy: 't.id', generated: ['id'] },
  { name: 'absence_notice', where: 't.school_id = $1', orderBy: 't.id' },
  { name: 'absence_notice_history', where: `t.notice_id IN (${SCHOOL_NOTICES})`, orderBy: 't.id', generated: ['id'] },
  {
    name: 'absence_excuse',
    where: `t.notice_id IN (${SCHOOL_NOTICES}) OR (t.notice_id IS NULL AND t.student_id = ANY ($3))`,
    orderBy: 't.seq',
    generated: ['seq'],
    // An excuse is the student's, whatever school: one given while at another school of the target stays as it is.
    shared: true,
  },
];

/**
 * The school's entries, announced as an import announces them: by the system (`recordedBy` null), so that moving a
 * school tells no parent of old absences again; the read model keeps no author of an entry.
 */
async function announceSchool(outbox: OutboxWriter, manager: EntityManager, pageIds: readonly string[]): Promise<void> {
  const instant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  await announceList(
    outbox,
    manager,
    AttendanceEvents.entriesSaved,
    'entries',
    `SELECT jsonb_build_object('lessonId', lesson_id, 'studentId', student_id, 'status', status, 'reason', reason,
       'minutesLate', minutes_late, 'recordedAt', ${instant('recorded_at')}, 'recordedBy', NULL,
       'reasonConfirmedBy', reason_confirmed_by,
       'reasonConfirmedAt', CASE WHEN reason_confirmed_at IS NULL THEN NULL ELSE ${instant('reason_confirmed_at')} END,
       'version', version) AS item
     FROM attendance_entry WHERE page_id = ANY ($1::uuid[]) ORDER BY lesson_id, student_id`,
    [pageIds],
  );
}

export const attendanceTransfer: SchoolTransferDeclaration = {
  rpc: SchoolTransferRpc.attendance,
  tables: ATTENDANCE_TRANSFER_TABLES,
  announce: (outbox, manager, _schoolId, scope) => announceSchool(outbox, manager, scope.pageIds),
};
