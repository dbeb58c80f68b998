import { z } from 'zod';
import { Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { AttendanceEntry } from './attendance.models.js';
import { AbsenceReason, AttendanceStatus } from './attendance.models.js';

export const AttendanceRpc = {
  /** Entries of a lesson: only students absent or late are listed. */
  getLesson: defineRpc<{ entries: AttendanceEntry[] }>()('attendance.lessons.get', z.object({ lessonId: Id })),
  /** Marks a student absent (with reason), late (with minutes) or present, on a lesson of the actor's page. */
  setEntry: defineRpc<AttendanceEntry>()(
    'attendance.entries.set',
    z
      .object({
        lessonId: Id,
        studentId: Id,
        status: AttendanceStatus,
        reason: AbsenceReason.nullable().default(null),
        minutesLate: z.number().int().min(1).max(90).nullable().default(null),
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
