import type { EntityManager } from 'typeorm';

// The journal's namespace of transaction advisory locks (schemas of other services may share the database).
const JOURNAL_LOCK_SPACE = 0x4a4f55;

/**
 * Serialises writes to the same lessons until the transaction ends: a version check and its update, or an import
 * deciding that a lesson is still empty, never race with another write. Sorted, so two batches never deadlock.
 */
export async function lockLessons(manager: EntityManager, lessonIds: readonly string[]): Promise<void> {
  const sorted = [...new Set(lessonIds)].sort();
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext(id)) FROM unnest($2::text[]) AS id', [
    JOURNAL_LOCK_SPACE,
    sorted,
  ]);
}
