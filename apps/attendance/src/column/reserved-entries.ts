import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '#contracts';
import type { EntryKey } from '../database/entry-locks.js';

const BEING_SAVED = 'Посещаемость урока сейчас сохраняется вместе со всей колонкой журнала: повторите через несколько секунд';

function beingSaved(lessonId: string): DomainError {
  return new DomainError(ErrorCode.Conflict, BEING_SAVED, { lessonId });
}

/**
 * Refuses a write on entries a pending lesson column has reserved: the column is all or nothing, so nothing else may
 * change them until the journal confirms or cancels it. Callers hold the entries' locks (lockEntries).
 */
export async function assertNotReserved(manager: EntityManager, keys: readonly EntryKey[]): Promise<void> {
  if (keys.length === 0) return;
  const [reserved] = await manager.query<Array<{ lesson_id: string }>>(
    `SELECT e.lesson_id
       FROM column_reservation_entry e
       JOIN column_reservation r ON r.column_id = e.column_id AND r.status = 'pending'
       JOIN unnest($1::uuid[], $2::uuid[]) AS k(lesson_id, student_id) ON k.lesson_id = e.lesson_id AND k.student_id = e.student_id
      LIMIT 1`,
    [keys.map((key) => key.lessonId), keys.map((key) => key.studentId)],
  );
  if (reserved) throw beingSaved(reserved.lesson_id);
}

/**
 * Refuses a change of a student's reasons over days on which a pending column reserves an entry of theirs: an absence
 * it is about to record must not miss an excuse given meanwhile. Callers hold the student's lock (lockStudent).
 */
export async function assertDaysNotReserved(manager: EntityManager, studentId: string, from: string, to: string): Promise<void> {
  const [reserved] = await manager.query<Array<{ lesson_id: string }>>(
    `SELECT e.lesson_id
       FROM column_reservation_entry e
       JOIN column_reservation r ON r.column_id = e.column_id AND r.status = 'pending'
      WHERE e.student_id = $1 AND e.lesson_date BETWEEN $2 AND $3
      LIMIT 1`,
    [studentId, from, to],
  );
  if (reserved) throw beingSaved(reserved.lesson_id);
}
