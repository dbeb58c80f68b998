import type { EntityManager } from 'typeorm';

// The attendance service's namespace of transaction advisory locks (other schemas may share the database).
const ATTENDANCE_LOCK_SPACE = 0x415454;

export interface EntryKey {
  lessonId: string;
  studentId: string;
}

/**
 * Serialises writes to the same (lesson, student) until the transaction ends, so that a change and its history row
 * see the value they replace, and an import never races a teacher. Sorted, so two batches never deadlock.
 */
export async function lockEntries(manager: EntityManager, keys: readonly EntryKey[]): Promise<void> {
  const sorted = [...new Set(keys.map((key) => `${key.lessonId}:${key.studentId}`))].sort();
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext(key)) FROM unnest($2::text[]) AS key', [
    ATTENDANCE_LOCK_SPACE,
    sorted,
  ]);
}

/**
 * Serialises the changes of one student's absence reasons until the transaction ends: a class teacher's date range or
 * an accepted notice, and an absence recorded meanwhile on one of its days, never miss each other.
 */
export async function lockStudent(manager: EntityManager, studentId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ATTENDANCE_LOCK_SPACE, `student:${studentId}`]);
}
