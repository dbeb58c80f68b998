import type { EntityManager } from 'typeorm';
import { type AttendanceEntry, AttendanceEvents } from '#contracts';
import type { EventHandlers } from '#platform';
import { onePerKey, writeRows } from './batch-rows.js';

/**
 * Absences and lateness per lesson and student. 'present' removes an entry from every view; its row stays as a
 * tombstone with its version, so that an older entry arriving again later cannot bring the absence back.
 */
async function saveEntries(entries: readonly AttendanceEntry[], manager: EntityManager): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO attendance_entry (lesson_id, student_id, status, reason, minutes_late, recorded_at, version)
     SELECT lesson_id, student_id, status, reason, minutes_late, recorded_at, version
     FROM jsonb_to_recordset($1::jsonb) AS r(
       lesson_id uuid, student_id uuid, status text, reason text, minutes_late smallint,
       recorded_at timestamptz, version integer)
     ON CONFLICT (lesson_id, student_id) DO UPDATE SET
       status = excluded.status, reason = excluded.reason, minutes_late = excluded.minutes_late,
       recorded_at = excluded.recorded_at, version = excluded.version
     WHERE attendance_entry.version <= excluded.version`,
    onePerKey(
      entries,
      (entry) => `${entry.lessonId}/${entry.studentId}`,
      (entry) => entry.version,
    ).map((entry) => ({
      lesson_id: entry.lessonId,
      student_id: entry.studentId,
      status: entry.status,
      reason: entry.reason,
      minutes_late: entry.minutesLate,
      recorded_at: entry.recordedAt,
      version: entry.version,
    })),
  );
}

/** Attendance entries from attendance's events. */
export function attendanceProjection(handlers: EventHandlers): EventHandlers {
  return handlers.on(AttendanceEvents.entriesSaved, (payload, _envelope, manager) =>
    saveEntries(payload.entries, manager),
  );
}
