import type { PersonName } from '#contracts';
import type { RosterImportContext } from './roster-import-context.js';
import type { RowIssue } from './roster-row.js';

/** A person of the plan: one already in the journal, or one the plan creates (named by its key). */
export type PersonRef = { existing: string } | { created: string };

/** A person to create; the key names them in the plan's other steps until they have an id. */
export interface PersonToCreate {
  key: string;
  line: number;
  role: 'student' | 'parent';
  name: PersonName;
  birthDate: string | null;
  document: string | null;
  snils: string | null;
  phone: string | null;
}

/** Personal data the journal lacks for a person already there; stored values are never overwritten. */
export interface PersonalDataToFill {
  personId: string;
  line: number;
  birthDate?: string;
  document?: string;
  snils?: string;
  /** The person's phone, for a person who has none. */
  phone?: string;
}

/** A student who joins a class of the school from a date (to stay until further notice). */
export interface EnrollmentToAdd {
  line: number;
  student: PersonRef;
  classId: string;
  from: string;
}

/** A student of the school who moves to another of its classes (R-CAL-4): in the old one until the day before. */
export interface TransferToMake {
  line: number;
  studentId: string;
  fromClassId: string;
  toClassId: string;
  date: string;
}

export interface GuardianshipToAdd {
  line: number;
  parent: PersonRef;
  student: PersonRef;
}

/** A student enrolled in a class of the file whom the file does not list: the import leaves them where they are. */
export interface StudentNotInFile {
  studentId: string;
  classId: string;
}

export interface RosterImportSummary {
  rows: number;
  studentsToCreate: number;
  parentsToCreate: number;
  enrollments: number;
  transfers: number;
  guardianships: number;
  personalDataFills: number;
  unchangedRows: number;
  errors: number;
}

/**
 * What importing a roster file would change, as plain data: the dry run shows it, and applying carries it out whole
 * or not at all. A plan with errors is never applied; a file already applied plans no change.
 */
export interface RosterImportPlan {
  context: RosterImportContext;
  createPeople: PersonToCreate[];
  fillPersonalData: PersonalDataToFill[];
  addEnrollments: EnrollmentToAdd[];
  makeTransfers: TransferToMake[];
  addGuardianships: GuardianshipToAdd[];
  /** Rows that change nothing: the journal already holds them. */
  unchangedLines: number[];
  notInFile: StudentNotInFile[];
  errors: RowIssue[];
  /** Remarks that do not stop the import (e.g. a stored document differs and is kept). */
  notes: RowIssue[];
  ignoredColumns: string[];
  summary: RosterImportSummary;
}
