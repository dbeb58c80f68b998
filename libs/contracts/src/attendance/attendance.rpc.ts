import { z } from 'zod';
import { Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { LESSONS_PER_RECORDS_QUERY } from '../common/records-query.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { AttendanceChange, AttendanceEntry, AttendanceLessonHoldings } from './attendance.models.js';
import { AbsenceReason, AttendanceStatus } from './attendance.models.js';

/**
 * The version the writer last saw of a student's attendance at a lesson (If-Match): a different current one is refused
 * with VERSION_CONFLICT and the current entry. 0 expects nothing recorded (present).
 */
const ExpectedVersion = z.number().int().min(0).optional();
const Comment = z.string().trim().max(500).nullable().default(null);

/** A reason for a student's absences between two dates, as the class teacher gives it (the order is checked below). */
export const ReasonForDatesInput = z.object({ from: LocalDate, to: LocalDate, reason: AbsenceReason, comment: Comment });

export const AttendanceRpc = {
  /**
   * Of the given lessons, those attendance holds anything for (absences and lates, or changes kept in the history),
   * with how much; for planning before it drops or moves lessons (system actor only).
   */
  lessonsWithRecords: defineRpc<{ lessons: AttendanceLessonHoldings[] }>()(
    'attendance.lessons.with-records',
    z.object({ lessonIds: z.array(Id).max(LESSONS_PER_RECORDS_QUERY) }),
  ),
  /** Entries of a lesson: only students absent or late are listed. */
  getLesson: defineRpc<{ entries: AttendanceEntry[] }>()('attendance.lessons.get', z.object({ lessonId: Id })),
  /**
   * Marks a student absent (with reason), late (with minutes) or present, on a lesson the actor writes on (their page
   * on its date, or the lesson they substitute), for a student enrolled on that date. An absence without a reason, or
   * unexcused, on a day a class teacher has excused (a date range or an accepted notice) takes that reason.
   */
  setEntry: defineRpc<AttendanceEntry>()(
    'attendance.entries.set',
    z
      .object({
        lessonId: Id,
        studentId: Id,
        status: AttendanceStatus,
        reason: AbsenceReason.nullable().default(null),
        minutesLate: z.number().int().min(1).max(90).nullable().default(null),
        expectedVersion: ExpectedVersion,
      })
      .refine((entry) => entry.status === 'absent' || entry.reason === null, {
        message: 'Причина указывается только для отсутствия',
        path: ['reason'],
      })
      .refine((entry) => (entry.status === 'late') === (entry.minutesLate !== null), {
        message: 'Для опоздания укажите число минут, для других отметок — нет',
        path: ['minutesLate'],
      }),
  ),
  /** Every change of attendance at a lesson, oldest first (R-MARK-7), for those who may read the lesson. */
  lessonHistory: defineRpc<{ changes: AttendanceChange[] }>()(
    'attendance.lessons.history',
    z.object({ lessonId: Id, studentId: Id.optional() }),
  ),
  /**
   * The class teacher of the student's class (on the lesson's date) confirms or changes the reason of an absence, at a
   * lesson of any subject (R-ATT-1).
   */
  setReason: defineRpc<AttendanceEntry>()(
    'attendance.reasons.set',
    z.object({ lessonId: Id, studentId: Id, reason: AbsenceReason, comment: Comment, expectedVersion: ExpectedVersion }),
  ),
  /**
   * The class teacher sets the reason of every absence of a student between two dates ("болел с 3 по 5 декабря"), and
   * of absences recorded later on those days. Answers the student's absences in the range.
   */
  setReasonForDates: defineRpc<{ entries: AttendanceEntry[] }>()(
    'attendance.reasons.set-for-dates',
    ReasonForDatesInput.extend({ studentId: Id }).refine((range) => range.from <= range.to, {
      message: 'Дата начала позже даты окончания',
      path: ['to'],
    }),
  ),
  /** Loads attendance history (system actor only); idempotent by (lesson, student). */
  importEntries: defineRpc<{ imported: number; skipped: number }>()(
    'attendance.import.entries',
    z.object({
      schoolId: Id,
      entries: z
        .array(
          z.object({
            lessonId: Id,
            pageId: Id,
            date: LocalDate,
            studentId: Id,
            status: z.enum(['absent', 'late']),
            reason: AbsenceReason.nullable(),
            minutesLate: z.number().int().min(1).max(90).nullable(),
            recordedAt: z.iso.datetime({ offset: true }),
          }),
        )
        .min(1)
        .max(5_000),
    }),
  ),
} as const;
