import type { RosterSnapshot } from '../roster-import/roster-snapshot.js';
import type { RosterExportRequest } from './roster-export-request.js';

/**
 * Loads what an export lists, in the import's snapshot form (one loader serves both): the school's classes of the
 * year (or the one class), the students enrolled in them on the date with those enrollments, and their guardianships
 * and guardians. Personal data the request does not allow may be left null: the export does not write it anyway.
 */
export interface RosterExportSource {
  load(request: RosterExportRequest): Promise<RosterSnapshot>;
}
