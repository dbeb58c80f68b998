/** A mark counted in a period, as `periodMarksSql` selects it. */
export interface PeriodMarkRow {
  id: string;
  student_id: string;
  value: number;
  /** The value before the mark's last correction (R-MARK-7); null when never corrected. */
  previous_value: number | null;
  work_kind: string;
  work_kind_name: string | null;
  weight: string | null;
  entered_at: Date;
  lesson_date: string;
  school_id: string;
  subject_code: string;
}

/**
 * The marks of students (chosen by `studentFilter` on `m`) in lessons dated within a period, on any page: a
 * student's marks stay theirs after a transfer (R-CAL-4). Each with its kind's name and weight in the lesson's school.
 */
export function periodMarksSql(studentFilter: string, from: string, to: string): string {
  return `SELECT m.id, m.student_id, m.value, m.previous_value, m.work_kind, wk.name_ru AS work_kind_name, wk.weight, m.entered_at,
           l.lesson_date, l.school_id, l.subject_code
    FROM mark m
    JOIN lesson l ON l.id = m.lesson_id
    LEFT JOIN work_kind wk ON wk.school_id = l.school_id AND wk.code = m.work_kind
    WHERE ${studentFilter} AND l.lesson_date BETWEEN ${from} AND ${to}`;
}
