import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';

// Keeps every statement well under Postgres' limit of 65535 bind parameters.
const ROWS_PER_STATEMENT = 1_000;

export interface UpsertTarget {
  /** Columns of the unique key that identifies a row. */
  conflict: string[];
  /** Columns to overwrite when the row exists; empty to leave an existing row alone. */
  overwrite: string[];
  /** Database columns to return for every row inserted or actually changed. */
  returning: string[];
}

/**
 * Inserts the rows or updates the existing ones in as few statements as possible. Returns only the rows that were
 * inserted or changed: a row loaded again with the same values is not touched, so loading twice changes nothing.
 */
export async function bulkUpsert<E extends ObjectLiteral, R extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: Array<QueryDeepPartialEntity<E>>,
  target: UpsertTarget,
): Promise<R[]> {
  const changed: R[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(start, start + ROWS_PER_STATEMENT))
      .orUpdate(target.overwrite, target.conflict, { skipUpdateIfNoValuesChanged: true })
      .returning(target.returning.join(', '))
      .updateEntity(false)
      .execute();
    changed.push(...(result.raw as R[]));
  }
  return changed;
}
