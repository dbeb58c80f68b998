import type { EntityManager } from 'typeorm';
import type { AbsenceReason } from '#contracts';
import type { AbsenceExcuses } from '../reasons/absence-excuses.js';
import type { AttendanceEntryEntity } from './attendance-entry.entity.js';

/** The reason an absence is stored with, and who confirmed it. */
export interface ResolvedReason {
  reason: AbsenceReason | null;
  confirmedBy: string | null;
  confirmedAt: Date | null;
}

/**
 * The reason an absence is stored with (R-ATT-1): a reason the class teacher confirmed stays while the student stays
 * absent (only the class teacher changes it); an absence without a reason, or unexcused, on a day the class teacher
 * excused (a date range or an accepted notice) takes that reason, confirmed; otherwise the teacher's reason.
 */
export async function absenceReasonToStore(
  manager: EntityManager,
  excuses: AbsenceExcuses,
  absence: { studentId: string; date: string; reason: AbsenceReason | null },
  existing: AttendanceEntryEntity | null,
): Promise<ResolvedReason> {
  if (existing?.status === 'absent' && existing.reasonConfirmedAt !== null) {
    return { reason: existing.reason, confirmedBy: existing.reasonConfirmedBy, confirmedAt: existing.reasonConfirmedAt };
  }
  if (absence.reason === null || absence.reason === 'unexcused') {
    const excuse = await excuses.covering(manager, absence.studentId, absence.date);
    if (excuse) return { reason: excuse.reason, confirmedBy: excuse.setBy, confirmedAt: excuse.setAt };
  }
  return { reason: absence.reason, confirmedBy: null, confirmedAt: null };
}
