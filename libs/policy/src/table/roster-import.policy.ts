import type { ActionPolicy } from '../policy-rule.js';
import { MANAGEMENT, STAFF } from './roles.js';

/** The school's management and its system administrator: every class of the school. */
const WHOLE_SCHOOL = { roles: [...MANAGEMENT, 'sysadmin'], in: 'resource-school' } as const;
/** A class teacher of a class of the school (the school's facts say so): their own class only, narrowed by identity. */
const OWN_CLASS = { roles: ['teacher'], in: 'resource-school', relations: ['class-teacher'] } as const;
/** On the school's personal-data list and working there (R-ACC-2). */
const ON_THE_LIST = { roles: STAFF, in: 'resource-school', relations: ['personal-data-staff'] } as const;

/**
 * Roster import and export as files (R-DATA-2, apps/identity/src/roster-import/README.md). The school's management and
 * its system administrator import and export every class; a class teacher imports into and exports their own class
 * only (identity narrows the file to it). Personal data in the files (birth dates, SNILS, documents, phones) is
 * written only by the administration on the school's personal-data list and exported only to staff on that list; a
 * class teacher's export carries the parents' phones of their class (R-ACC-2). The school's other staff see a refusal
 * (403), anyone else nothing (404).
 */
export const ROSTER_IMPORT_POLICY = {
  /** The dry run and the apply of a roster file. */
  'schools.roster-import': { resource: 'school', rules: [WHOLE_SCHOOL, OWN_CLASS], visibleWith: 'schools.read' },
  'schools.roster-export': { resource: 'school', rules: [WHOLE_SCHOOL, OWN_CLASS], visibleWith: 'schools.read' },
  /** Decided by identity: a file about any class of the school, not only the caller's own. */
  'schools.roster-files.all-classes': { resource: 'school', rules: [WHOLE_SCHOOL], visibleWith: 'schools.read' },
  /** Decided by identity: an imported file may write personal data (as `people.personal-data.write`, for the school). */
  'schools.roster-import.personal-data': {
    resource: 'school',
    rules: [{ roles: ['director', 'deputy', 'coordinator', 'sysadmin'], in: 'resource-school', relations: ['personal-data-staff'] }],
    visibleWith: 'schools.read',
  },
  /** Decided by identity: the export carries the students' birth dates, SNILS and documents. */
  'schools.roster-export.personal-data': { resource: 'school', rules: [ON_THE_LIST], visibleWith: 'schools.read' },
  /** Decided by identity: the export carries the parents' phones. */
  'schools.roster-export.parent-contacts': { resource: 'school', rules: [ON_THE_LIST, OWN_CLASS], visibleWith: 'schools.read' },
} as const satisfies Record<string, ActionPolicy>;
