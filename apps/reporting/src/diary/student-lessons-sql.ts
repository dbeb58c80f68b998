/**
 * Ids of a student's lessons between two dates: lessons of the pages of the class the student is enrolled in on the
 * lesson's date (R-CAL-4), where the page has no group or the student is in the page's group on that date (R-CAL-3).
 */
export function studentLessonIdsSql(student: string, from: string, to: string): string {
  return `SELECT DISTINCT l.id
    FROM enrollment e
    JOIN page p ON p.class_id = e.class_id
    JOIN lesson l ON l.page_id = p.id
    WHERE e.student_id = ${student}
      AND e.date_from <= ${to} AND (e.date_to IS NULL OR e.date_to >= ${from})
      AND l.lesson_date BETWEEN GREATEST(e.date_from, ${from}) AND LEAST(COALESCE(e.date_to, ${to}), ${to})
      AND l.status <> 'cancelled'
      AND (p.group_id IS NULL OR EXISTS (
        SELECT 1 FROM group_membership g
        WHERE g.group_id = p.group_id AND g.student_id = e.student_id
          AND g.date_from <= l.lesson_date AND (g.date_to IS NULL OR g.date_to >= l.lesson_date)))`;
}
