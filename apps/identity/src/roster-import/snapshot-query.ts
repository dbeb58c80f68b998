import type { PersonName } from '#contracts';
import { documentKey } from './document-key.js';
import { nameKey } from './person-name-rules.js';
import type { RosterImportContext } from './roster-import-context.js';
import type { RosterFile } from './roster-row.js';
import type { SnapshotQuery } from './roster-snapshot.js';

/** The people a read roster file is about: what a RosterSnapshotSource must load for planning it. */
export function snapshotQueryOf(file: RosterFile, context: RosterImportContext): SnapshotQuery {
  const names = new Map<string, PersonName>();
  for (const row of file.rows) {
    for (const name of [row.name, ...row.parents.map((parent) => parent.name)]) names.set(nameKey(name), name);
  }
  const snils = new Set(file.rows.flatMap((row) => (row.snils === null ? [] : [row.snils])));
  const documentKeys = new Set(file.rows.flatMap((row) => (row.document === null ? [] : [documentKey(row.document)])));
  return {
    schoolId: context.schoolId,
    academicYear: context.academicYear,
    names: [...names.values()],
    snils: [...snils],
    documentKeys: [...documentKeys],
  };
}
