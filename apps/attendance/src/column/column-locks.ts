import type { EntityManager } from 'typeorm';

// The namespace of lesson column locks in attendance (other locks of the service use their own).
const COLUMN_LOCK_SPACE = 0x415443;

/** Serialises preparing and cancelling columns of one lesson until the transaction ends. */
export async function lockLessonColumns(manager: EntityManager, lessonId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [COLUMN_LOCK_SPACE, lessonId]);
}
