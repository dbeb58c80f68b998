import type { EntityManager } from 'typeorm';
import { type BulkColumn, bulkInsert } from '../database/bulk-insert.js';
import type { HistoryChange } from './history-change.js';

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

const CHANGE_COLUMNS: ReadonlyArray<BulkColumn<HistoryChange>> = [
  { name: 'action', type: 'text', value: (change) => change.action },
  { name: 'old_value', type: 'jsonb', value: (change) => json(change.oldValue) },
  { name: 'new_value', type: 'jsonb', value: (change) => json(change.newValue) },
  { name: 'actor_id', type: 'uuid', value: (change) => change.actorId },
  { name: 'at', type: 'timestamptz', value: (change) => change.at.toISOString() },
  { name: 'reason', type: 'text', value: (change) => change.reason ?? null },
];

/**
 * Appends changes to a history table (see HistoryRecordEntity) in the caller's transaction, in one statement.
 * `keyColumns` are the table's own columns that say which thing changed; table and columns come from code only.
 */
export async function appendHistory<Change extends HistoryChange>(
  manager: EntityManager,
  table: string,
  keyColumns: ReadonlyArray<BulkColumn<Change>>,
  changes: readonly Change[],
): Promise<void> {
  await bulkInsert<Change>(manager, table, [...keyColumns, ...CHANGE_COLUMNS], changes);
}
