import { z } from 'zod';
import { Id } from '../common/ids.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { AttendanceEntry } from './attendance.models.js';
import { AbsenceReason, AttendanceStatus } from './attendance.models.js';

/** One student's attendance in a lesson column: what a single write takes, with the version the writer saw. */
export const ColumnAttendanceInput = z
  .object({
    studentId: Id,
    status: AttendanceStatus,
    reason: AbsenceReason.nullable().default(null),
    minutesLate: z.number().int().min(1).max(90).nullable().default(null),
    expectedVersion: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: 'Версия отметки посещаемости, которую видел пишущий; "0" — ученик присутствовал' }),
  })
  .refine((entry) => entry.status === 'absent' || entry.reason === null, {
    message: 'Причина указывается только для отсутствия',
    path: ['reason'],
  })
  .refine((entry) => (entry.status === 'late') === (entry.minutesLate !== null), {
    message: 'Для опоздания укажите число минут, для других отметок — нет',
    path: ['minutesLate'],
  });
export type ColumnAttendanceInput = z.infer<typeof ColumnAttendanceInput>;

/** How many students one column may name (a class is at most about 40). */
export const COLUMN_MAX_STUDENTS = 100;

/** The students of a column, each once. */
export const ColumnAttendanceList = z
  .array(ColumnAttendanceInput)
  .max(COLUMN_MAX_STUDENTS)
  .refine((entries) => new Set(entries.map((entry) => entry.studentId)).size === entries.length, {
    message: 'Каждый ученик указывается в колонке один раз',
  });

/** Where a lesson's attendance stands: its entries (absent or late) and the column reserving it, if any. */
export interface LessonAttendanceState {
  entries: AttendanceEntry[];
  pendingColumnId: string | null;
}

const Column = { columnId: Id };

/**
 * The attendance part of a lesson column saved in one request (journal coordinates, see LessonColumnRpc): `prepare`
 * checks the attendance of the column and reserves it, blocking every other attendance write on those students at the
 * lesson until the journal `confirm`s (it committed its part) or `cancel`s. Confirm and cancel are idempotent; a
 * reservation left pending is resolved by asking the journal (`LessonColumnRpc.status`).
 */
export const ColumnReservationRpc = {
  /**
   * Checks the column's attendance as a write would (the actor writes on the lesson, students enrolled, versions) and
   * reserves it; answers the lesson's attendance as it will be once confirmed. One pending column per lesson: another
   * is refused with CONFLICT and `pendingColumnId`.
   */
  prepare: defineRpc<{ entries: AttendanceEntry[] }>()(
    'attendance.column-reservations.prepare',
    z.object({
      ...Column,
      lessonId: Id,
      entries: ColumnAttendanceList,
      reason: z.string().trim().max(500).nullable().default(null),
    }),
  ),
  /** Writes a reserved column (its history with the actor who prepared it); answers its entries as written. */
  confirm: defineRpc<{ entries: AttendanceEntry[] }>()('attendance.column-reservations.confirm', z.object(Column)),
  /** Drops a reserved column; a column not reserved yet is remembered as cancelled, so a late prepare is refused. */
  cancel: defineRpc<{ status: 'cancelled' }>()('attendance.column-reservations.cancel', z.object({ ...Column, lessonId: Id })),
  /** A lesson's attendance and the column reserving it, for those who may write on the lesson. */
  state: defineRpc<LessonAttendanceState>()('attendance.column-reservations.state', z.object({ lessonId: Id })),
} as const;
