import type { PersonName } from '#contracts';
import type { ClassLabel } from './class-label.js';
import type { StudentField } from './roster-columns.js';

/** A problem of one row (or of the header, at its line), in Russian, for the person who uploaded the file. */
export interface RowIssue {
  line: number;
  /** The column as the file titles it; null when the problem is the row as a whole. */
  column: string | null;
  message: string;
}

/** One parent given in a row: a slot's columns (e.g. «Родитель 2: …») read together. */
export interface ParentEntry {
  slot: string;
  name: PersonName;
  /** +7XXXXXXXXXX. */
  phone: string | null;
}

/** A row of a roster file, read and checked; everything in the forms the journal keeps. */
export interface RosterRow {
  line: number;
  name: PersonName;
  birthDate: string | null;
  /** The identity document as written (single spaces). */
  document: string | null;
  /** 11 digits. */
  snils: string | null;
  /** The class as the file writes it, for messages, and as read. */
  classText: string;
  classLabel: ClassLabel;
  /** The date the student is in the class from; null: the import's date. */
  enrolledFrom: string | null;
  parents: ParentEntry[];
}

/** A roster file read: the rows that can be planned, the problems of the others, and the columns left unread. */
export interface RosterFile {
  headerLine: number;
  /** Data rows in the file (rows with every cell empty are not counted). */
  rowCount: number;
  rows: RosterRow[];
  errors: RowIssue[];
  /** Titles of the file's columns that the format does not know; they are not read. */
  ignoredColumns: string[];
  /** The student columns as the file titles them, for the planner's messages. */
  columnTitles: Partial<Record<StudentField, string>>;
}
