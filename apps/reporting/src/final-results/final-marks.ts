import type { ResultValue, ShownResult } from '#contracts';
import { resultLabel } from '#domain';

/** A period or year result of a student in a subject, as `finalMarksSql` selects it. */
export interface FinalMarkRow {
  student_id: string;
  subject_code: string;
  term: 'period' | 'year';
  value: string;
}

/** The final marks of a subject as reports show them: the period's and the year's. */
export interface FinalMarks {
  result: ShownResult | null;
  yearResult: ShownResult | null;
}

const NONE: FinalMarks = { result: null, yearResult: null };

/**
 * The results of students (chosen by `studentFilter` on `r`) for the period `periodId` and for the year it belongs to;
 * results taken back (no value) are not shown.
 */
export function finalMarksSql(studentFilter: string, periodId: string): string {
  return `SELECT r.student_id, r.subject_code, r.term, r.value
    FROM final_result r
    WHERE ${studentFilter} AND r.value IS NOT NULL
      AND r.term_id IN (${periodId}, (SELECT pr.year_id FROM period pr WHERE pr.id = ${periodId}))`;
}

export function shownResult(stored: string): ShownResult {
  const value: ResultValue = /^[1-5]$/.test(stored) ? Number(stored) : (stored as ResultValue);
  return { value, label: resultLabel(value) };
}

/** Looks up the final marks of a student in a subject among the rows. */
export function finalMarksOf(rows: readonly FinalMarkRow[]): (studentId: string, subjectCode: string) => FinalMarks {
  const byKey = new Map<string, FinalMarks>();
  for (const row of rows) {
    const key = `${row.student_id}|${row.subject_code}`;
    const marks = { ...(byKey.get(key) ?? NONE) };
    if (row.term === 'year') marks.yearResult = shownResult(row.value);
    else marks.result = shownResult(row.value);
    byKey.set(key, marks);
  }
  return (studentId, subjectCode) => byKey.get(`${studentId}|${subjectCode}`) ?? NONE;
}
