/** Where and when a roster file is imported. */
export interface RosterImportContext {
  schoolId: string;
  /** '2025/2026': the classes of the file are this year's classes of the school. */
  academicYear: string;
  /** The school's today: enrollments start on it when a row gives no date (kept within the academic year). */
  effectiveDate: string;
  /** When given, rows may only put students into these classes (a class teacher's own class). */
  allowedClassIds?: readonly string[];
}

/** The first and last dates of an academic year: 1 September to 31 August. */
export function academicYearBounds(academicYear: string): { first: string; last: string } {
  const startYear = Number(academicYear.slice(0, 4));
  return { first: `${startYear}-09-01`, last: `${startYear + 1}-08-31` };
}

/** The date enrollments start on when a row gives none: the import's date, kept within the academic year. */
export function defaultEnrollmentDate(context: RosterImportContext): string {
  const { first, last } = academicYearBounds(context.academicYear);
  if (context.effectiveDate < first) return first;
  if (context.effectiveDate > last) return last;
  return context.effectiveDate;
}

/** The academic year a date falls in: 1 September starts the next one ('2026-12-03' → '2026/2027'). */
export function academicYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const startYear = date.slice(5) >= '09-01' ? year : year - 1;
  return `${startYear}/${startYear + 1}`;
}
