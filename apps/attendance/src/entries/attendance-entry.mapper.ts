import type { AttendanceEntry } from '#contracts';
import type { AttendanceEntryEntity } from './attendance-entry.entity.js';

export function toAttendanceEntry(entity: AttendanceEntryEntity): AttendanceEntry {
  return {
    lessonId: entity.lessonId,
    studentId: entity.studentId,
    status: entity.status,
    reason: entity.reason,
    minutesLate: entity.minutesLate,
    recordedAt: entity.recordedAt.toISOString(),
    recordedBy: entity.recordedBy,
    reasonConfirmedBy: entity.reasonConfirmedBy,
    reasonConfirmedAt: entity.reasonConfirmedAt?.toISOString() ?? null,
    version: entity.version,
  };
}
