import { z } from 'zod';
import { Id } from '../common/ids.js';

/** Absent (Н) or late (ОП); "present" removes an entry (R-ATT-1). */
export const AttendanceStatus = z.enum(['present', 'absent', 'late']);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;
/** Illness (Б), excused (УП), unexcused. */
export const AbsenceReason = z.enum(['illness', 'excused', 'unexcused']);
export type AbsenceReason = z.infer<typeof AbsenceReason>;

export const AttendanceEntry = z.object({
  lessonId: Id,
  studentId: Id,
  status: AttendanceStatus,
  reason: AbsenceReason.nullable(),
  minutesLate: z.number().int().min(1).max(90).nullable(),
  recordedAt: z.iso.datetime({ offset: true }),
  recordedBy: Id.nullable(),
  version: z.number().int().min(1),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;
