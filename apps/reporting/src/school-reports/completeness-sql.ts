/**
 * The queries of the completeness and timeliness report (R-REP-3). Parameters shared by all: $1 school, $2 first day,
 * $3 last day, $4 and $5 the grades, $6 the academic year's label (classes of that year only).
 */
const SCOPE = `
  JOIN school_class c ON c.id = l.class_id
  WHERE l.school_id = $1 AND l.lesson_date BETWEEN $2::date AND $3::date AND l.status <> 'cancelled'
    AND l.grade BETWEEN $4 AND $5 AND ($6::text IS NULL OR c.academic_year = $6)`;

/** The pages of the school's classes of the year in the grades, with their class, subject and group. */
export const PAGES_SQL = `
  SELECT p.id AS page_id, p.class_id, c.name AS class_name, c.grade, p.subject_code,
         COALESCE(sj.name_ru, p.subject_code) AS subject_name, COALESCE(sj.marked, true) AS marked, g.name AS group_name
  FROM page p
  JOIN school_class c ON c.id = p.class_id
  LEFT JOIN subject sj ON sj.school_id = p.school_id AND sj.code = p.subject_code
  LEFT JOIN class_group g ON g.id = p.group_id
  WHERE p.school_id = $1 AND c.grade BETWEEN $2 AND $3 AND ($4::text IS NULL OR c.academic_year = $4)`;

/** Who taught the school's pages, with their names (R-ACC-3). */
export const PAGE_TEACHERS_SQL = `
  SELECT t.page_id, t.teacher_id, t.date_from, t.date_to, pe.last_name, pe.first_name, pe.middle_name
  FROM page_teacher t
  JOIN page p ON p.id = t.page_id
  LEFT JOIN person pe ON pe.id = t.teacher_id
  WHERE p.school_id = $1`;

/** Lessons held before $7 (today) without a topic written. */
export const WITHOUT_TOPIC_SQL = `
  SELECT l.id AS lesson_id, l.page_id, l.lesson_date, l.lesson_number
  FROM lesson l ${SCOPE}
    AND l.lesson_date < $7::date
    AND NOT EXISTS (
      SELECT 1 FROM lesson_content lc WHERE lc.lesson_id = l.id AND btrim(COALESCE(lc.topic, '')) <> '')
  ORDER BY l.lesson_date, l.lesson_number`;

/**
 * Lessons held before $7 (today) whose attendance was not taken: no entry recorded for any student (an absence, a
 * lateness, or a student marked present again), no whole column saved, not loaded from another system.
 */
export const ATTENDANCE_NOT_TAKEN_SQL = `
  SELECT l.id AS lesson_id, l.page_id, l.lesson_date, l.lesson_number
  FROM lesson l ${SCOPE}
    AND l.lesson_date < $7::date
    AND NOT EXISTS (SELECT 1 FROM attendance_entry a WHERE a.lesson_id = l.id)
    AND NOT EXISTS (SELECT 1 FROM lesson_attendance_taken t WHERE t.lesson_id = l.id)
  ORDER BY l.lesson_date, l.lesson_number`;

/** Current marks of the span's lessons entered after the lesson's day (R-MARK-3), with who entered them. */
export const LATE_MARKS_SQL = `
  SELECT m.id AS mark_id, m.lesson_id, l.page_id, l.lesson_date, l.lesson_number, m.student_id, m.value, m.entered_at,
         m.entered_by, pe.last_name, pe.first_name, pe.middle_name
  FROM mark m
  JOIN lesson l ON l.id = m.lesson_id
  JOIN person pe ON pe.id = m.student_id
  ${SCOPE}
    AND m.late
  ORDER BY l.lesson_date, l.lesson_number, m.entered_at`;

/**
 * Накопляемость: for each marked page of grades 2–11 with at least $8 lessons a week on average over the span up to
 * $7 (held lessons of the page against the weeks in which its class had lessons), the students on the page on its last
 * lesson (enrolled in the class, and in the group for a group page) with fewer than $9 current marks on it.
 */
export const FEW_MARKS_SQL = `
  WITH held AS (
    SELECT l.id, l.page_id, l.class_id, l.lesson_date
    FROM lesson l ${SCOPE}
      AND l.lesson_date <= $7::date
  ),
  page_lessons AS (
    SELECT page_id, class_id, count(*)::int AS lessons, max(lesson_date) AS last_date FROM held GROUP BY page_id, class_id
  ),
  class_weeks AS (
    SELECT class_id, count(DISTINCT date_trunc('week', lesson_date))::int AS weeks FROM held GROUP BY class_id
  ),
  checked AS (
    SELECT pl.page_id, pl.lessons, cw.weeks, pl.last_date, p.class_id, p.group_id
    FROM page_lessons pl
    JOIN class_weeks cw ON cw.class_id = pl.class_id
    JOIN page p ON p.id = pl.page_id
    JOIN school_class c ON c.id = p.class_id
    LEFT JOIN subject sj ON sj.school_id = p.school_id AND sj.code = p.subject_code
    WHERE c.grade >= 2 AND COALESCE(sj.marked, true) AND pl.lessons >= $8 * cw.weeks
  ),
  students AS (
    SELECT DISTINCT ch.page_id, e.student_id
    FROM checked ch
    JOIN enrollment e ON e.class_id = ch.class_id AND e.date_from <= ch.last_date
      AND (e.date_to IS NULL OR e.date_to >= ch.last_date)
    WHERE ch.group_id IS NULL OR EXISTS (
      SELECT 1 FROM group_membership g
      WHERE g.group_id = ch.group_id AND g.student_id = e.student_id
        AND g.date_from <= ch.last_date AND (g.date_to IS NULL OR g.date_to >= ch.last_date))
  ),
  counted AS (
    SELECT s.page_id, s.student_id,
           (SELECT count(*)::int FROM mark m JOIN held h ON h.id = m.lesson_id
             WHERE h.page_id = s.page_id AND m.student_id = s.student_id) AS marks
    FROM students s
  )
  SELECT ch.page_id, ch.lessons, ch.weeks, ch.last_date, ct.student_id, ct.marks,
         pe.last_name, pe.first_name, pe.middle_name
  FROM checked ch
  JOIN counted ct ON ct.page_id = ch.page_id
  JOIN person pe ON pe.id = ct.student_id
  WHERE ct.marks < $9`;
