import { PERIOD_SELECT } from '../periods/period-ref.js';
import { periodByIdSql, periodOfClassByIdSql, periodOfClassOnDateSql } from '../periods/period-sql.js';
import { studentLessonIdsSql } from '../diary/student-lessons-sql.js';

/** Counts over lessons `h` (column `lesson_id`) joined to the student's attendance entry `a`. */
const COUNTS = `
  count(h.lesson_id)::int AS lessons,
  count(*) FILTER (WHERE a.status = 'absent')::int AS absences,
  count(*) FILTER (WHERE a.status = 'absent' AND a.reason = 'illness')::int AS illness,
  count(*) FILTER (WHERE a.status = 'absent' AND a.reason = 'excused')::int AS excused,
  count(*) FILTER (WHERE a.status = 'absent' AND a.reason = 'unexcused')::int AS unexcused,
  count(*) FILTER (WHERE a.status = 'absent' AND a.reason IS NULL)::int AS unspecified,
  count(*) FILTER (WHERE a.status = 'late')::int AS late`;

/** The school's zone of the period `pr` ("today" is judged there, R-CAL-2). */
const PERIOD_ZONE = `LEFT JOIN LATERAL (
    SELECT s.time_zone FROM period pp JOIN academic_year y ON y.id = pp.year_id JOIN school s ON s.id = y.school_id
    WHERE pp.id = pr.id) z ON true`;

const STUDENT_SCHOOLS = 'SELECT c.school_id FROM enrollment e JOIN school_class c ON c.id = e.class_id WHERE e.student_id = p.id';

/** The student, and the period of their class on the date ($2). */
export const STUDENT_PERIOD_ON_DATE_SQL = `
  SELECT p.last_name, p.first_name, p.middle_name, ${PERIOD_SELECT}, z.time_zone
  FROM person p
  LEFT JOIN LATERAL (
    SELECT c.school_id, c.academic_year, c.grade
    FROM enrollment e JOIN school_class c ON c.id = e.class_id
    WHERE e.student_id = p.id AND e.date_from <= $2::date AND (e.date_to IS NULL OR e.date_to >= $2::date)
    ORDER BY e.date_from DESC
    LIMIT 1
  ) c ON true
  LEFT JOIN LATERAL (${periodOfClassOnDateSql('c', '$2::date')}) pr ON true
  ${PERIOD_ZONE}
  WHERE p.id = $1`;

/** The student, and a period ($2) of a school they have been enrolled in. */
export const STUDENT_PERIOD_BY_ID_SQL = `
  SELECT p.last_name, p.first_name, p.middle_name, ${PERIOD_SELECT}, z.time_zone
  FROM person p
  LEFT JOIN LATERAL (${periodByIdSql('$2', STUDENT_SCHOOLS)}) pr ON true
  ${PERIOD_ZONE}
  WHERE p.id = $1`;

/** A student's lessons held from $2 to $3 in whatever class they were in (R-CAL-4), with their attendance. */
export const STUDENT_COUNTS_SQL = `
  WITH held AS (${studentLessonIdsSql('$1', '$2::date', '$3::date')})
  SELECT ${COUNTS}
  FROM (SELECT id AS lesson_id FROM held) h
  LEFT JOIN attendance_entry a ON a.lesson_id = h.lesson_id AND a.student_id = $1`;

const classPeriodSql = (period: string) => `
  SELECT c.name, ${PERIOD_SELECT}, z.time_zone
  FROM school_class c
  LEFT JOIN LATERAL (${period}) pr ON true
  ${PERIOD_ZONE}
  WHERE c.id = $1`;

export const CLASS_PERIOD_ON_DATE_SQL = classPeriodSql(periodOfClassOnDateSql('c', '$2::date'));
export const CLASS_PERIOD_BY_ID_SQL = classPeriodSql(periodOfClassByIdSql('c', '$2'));

/**
 * Everyone enrolled in the class ($1) on a day of the period ($2..$4), with the class's lessons held from $2 to $3
 * while they were in it (their group's only, R-CAL-3), and their attendance there.
 */
export const CLASS_COUNTS_SQL = `
  WITH class_students AS (
    SELECT DISTINCT e.student_id FROM enrollment e
    WHERE e.class_id = $1 AND e.date_from <= $4::date AND (e.date_to IS NULL OR e.date_to >= $2::date)
  ),
  class_lessons AS (
    SELECT DISTINCT e.student_id, l.id AS lesson_id
    FROM enrollment e
    JOIN page pg ON pg.class_id = e.class_id
    JOIN lesson l ON l.page_id = pg.id
    WHERE e.class_id = $1 AND e.date_from <= $3::date AND (e.date_to IS NULL OR e.date_to >= $2::date)
      AND l.lesson_date BETWEEN GREATEST(e.date_from, $2::date) AND LEAST(COALESCE(e.date_to, $3::date), $3::date)
      AND l.status <> 'cancelled'
      AND (pg.group_id IS NULL OR EXISTS (
        SELECT 1 FROM group_membership g
        WHERE g.group_id = pg.group_id AND g.student_id = e.student_id
          AND g.date_from <= l.lesson_date AND (g.date_to IS NULL OR g.date_to >= l.lesson_date)))
  )
  SELECT cs.student_id, p.last_name, p.first_name, p.middle_name, ${COUNTS}
  FROM class_students cs
  JOIN person p ON p.id = cs.student_id
  LEFT JOIN class_lessons h ON h.student_id = cs.student_id
  LEFT JOIN attendance_entry a ON a.lesson_id = h.lesson_id AND a.student_id = cs.student_id
  GROUP BY cs.student_id, p.last_name, p.first_name, p.middle_name`;
