import type { PersonName } from '#contracts';

/** A person as the import compares them: name and the personal data that tells namesakes apart (R-ACC-2 data). */
export interface SnapshotPerson extends PersonName {
  id: string;
  birthDate: string | null;
  /** The identity document as stored; compared in documentKey form. */
  document: string | null;
  /** 11 digits. */
  snils: string | null;
  /** +7XXXXXXXXXX each, as identity's personal data keeps them. */
  phones: string[];
}

export interface SnapshotClass {
  id: string;
  schoolId: string;
  academicYear: string;
  grade: number;
  letter: string;
}

export interface SnapshotEnrollment {
  studentId: string;
  classId: string;
  from: string;
  to: string | null;
}

export interface SnapshotGuardianship {
  parentId: string;
  studentId: string;
}

/**
 * What the import needs to know of the journal's people, as one value. Loaded by a RosterSnapshotSource for a
 * SnapshotQuery; it may hold more people than asked (the planner compares names itself), never fewer:
 * - classes: every class of the school in the academic year, and every class an enrollment below refers to;
 * - people: everyone whose name, SNILS or document the query lists, the students enrolled in the school's classes
 *   of the year, and the guardians of all these students;
 * - enrollments: every enrollment of these people; guardianships: every guardianship of these students.
 */
export interface RosterSnapshot {
  classes: SnapshotClass[];
  people: SnapshotPerson[];
  enrollments: SnapshotEnrollment[];
  guardianships: SnapshotGuardianship[];
}

/** Whom a roster file is about: the school's year, and the names, SNILS and documents the file gives. */
export interface SnapshotQuery {
  schoolId: string;
  academicYear: string;
  /** Students' and parents' names as the file gives them (compare them lower-case, ё as е). */
  names: PersonName[];
  /** 11 digits each. */
  snils: string[];
  /** In documentKey form: upper case, without spaces, dashes and «№». */
  documentKeys: string[];
}

/** Loads the snapshot for a query; phase 2 implements it over identity's tables (in the apply's transaction). */
export interface RosterSnapshotSource {
  load(query: SnapshotQuery): Promise<RosterSnapshot>;
}
