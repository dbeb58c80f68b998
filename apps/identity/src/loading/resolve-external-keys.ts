import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

export type KeyedTable = 'person' | 'account' | 'school_class' | 'class_group' | 'page';

/** The id of every external key: the stored one, or a fresh one for a key seen for the first time. */
export async function resolveExternalKeys(
  manager: EntityManager,
  table: KeyedTable,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const rows = await manager.query<Array<{ id: string; external_key: string }>>(
    `SELECT id, external_key FROM ${table} WHERE external_key = ANY($1::text[])`,
    [keys],
  );
  const stored = new Map(rows.map((row) => [row.external_key, row.id]));
  return new Map(keys.map((key) => [key, stored.get(key) ?? randomUUID()]));
}
