import type { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * A raw query whose parameters are all defined. node-postgres sends `undefined` as NULL, and a NULL filter such as
 * `($2::uuid IS NULL OR x = $2)` matches every row: a missing scope value must fail the query, never widen it.
 * Pass `null` explicitly where NULL is meant.
 */
export async function scopedQuery<Row>(runner: Queryable, sql: string, params: readonly unknown[]): Promise<Row[]> {
  const missing = params.findIndex((value) => value === undefined);
  if (missing >= 0) throw new Error(`Query parameter $${missing + 1} is undefined: refusing to run a query without its scope`);
  return runner.query<Row[]>(sql, [...params]);
}
