import type { EntityManager } from 'typeorm';

/** One column of a bulk insert: its SQL name, its Postgres type and how to read it from a row. */
export interface BulkColumn<Row> {
  name: string;
  type: string;
  value: (row: Row) => unknown;
}

/**
 * Inserts many rows in one statement, one array parameter per column (`unnest`), so a batch of any size is one
 * round trip and stays far from the 65 535 parameters limit. Table, column names and `tail` come from code only.
 */
export async function bulkInsert<Row, Result = never>(
  manager: EntityManager,
  table: string,
  columns: ReadonlyArray<BulkColumn<Row>>,
  rows: readonly Row[],
  tail = '',
): Promise<Result[]> {
  if (rows.length === 0) return [];
  const names = columns.map((column) => column.name).join(', ');
  const arrays = columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ');
  const values = columns.map((column) => rows.map((row) => column.value(row) ?? null));
  return manager.query<Result[]>(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays}) ${tail}`, values);
}
