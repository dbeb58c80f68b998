import type { EntityManager } from 'typeorm';

/**
 * One row per key, the last one winning: a single `INSERT … ON CONFLICT DO UPDATE` may not touch a row twice.
 * With `versionOf`, the highest version wins (the later one on a tie).
 */
export function onePerKey<T>(rows: readonly T[], keyOf: (row: T) => string, versionOf?: (row: T) => number): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const key = keyOf(row);
    const kept = byKey.get(key);
    if (kept === undefined || !versionOf || versionOf(row) >= versionOf(kept)) byKey.set(key, row);
  }
  return [...byKey.values()];
}

/**
 * Runs a statement that reads its rows from `jsonb_to_recordset($1::jsonb)`, one round trip per batch;
 * `params` become $2, $3 …
 */
export async function writeRows(
  manager: EntityManager,
  sql: string,
  rows: readonly object[],
  ...params: unknown[]
): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(sql, [JSON.stringify(rows), ...params]);
}
