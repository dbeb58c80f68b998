import { type FileDescription, readTable } from '#spreadsheet';
import { planRosterImport } from './plan-roster-import.js';
import { readRosterFile } from './read-roster-file.js';
import { isRosterHeader } from './roster-header.js';
import type { RosterImportContext } from './roster-import-context.js';
import type { RosterImportPlan } from './roster-import-plan.js';
import type { RosterSnapshotSource } from './roster-snapshot.js';
import { snapshotQueryOf } from './snapshot-query.js';

/** An uploaded roster file. */
export interface RosterUpload extends FileDescription {
  bytes: Buffer;
}

/**
 * From an uploaded file to its plan: reads the table, reads the roster rows, loads the snapshot of the people the file
 * is about and plans. The dry run shows the plan; applying prepares it again in its transaction and carries it out.
 */
export async function prepareRosterImport(
  upload: RosterUpload,
  context: RosterImportContext,
  source: RosterSnapshotSource,
): Promise<RosterImportPlan> {
  const table = await readTable(upload.bytes, upload, { isHeaderRow: isRosterHeader });
  const file = readRosterFile(table, context);
  const snapshot = await source.load(snapshotQueryOf(file, context));
  return planRosterImport(file, snapshot, context);
}
