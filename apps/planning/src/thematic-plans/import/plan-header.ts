import { matchColumns } from '#spreadsheet';
import { PLAN_COLUMNS } from './plan-columns.js';

/** Tells a plan file's header row from a title or notes above it: it names the topic column. */
export function isPlanHeader(normalizedCells: readonly string[]): boolean {
  return matchColumns(normalizedCells, PLAN_COLUMNS).found.title !== undefined;
}
