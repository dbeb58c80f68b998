import { matchColumns } from '#spreadsheet';
import { STUDENT_COLUMNS } from './roster-columns.js';

/** Tells a roster file's header row from a title above it: it names the student's surname or full name. */
export function isRosterHeader(normalizedCells: readonly string[]): boolean {
  const { found } = matchColumns(normalizedCells, STUDENT_COLUMNS);
  return found.lastName !== undefined || found.fullName !== undefined;
}
