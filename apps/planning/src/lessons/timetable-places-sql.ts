/** The SQL parameters (`$n`) the query of timetable places reads. */
export interface TimetablePlacesParams {
  yearId: string;
  from: string;
  to: string;
  daysPerWeek: string;
  /** The bells as a JSON array of `{lesson_number, starts_at, ends_at}`. */
  bells: string;
}

/**
 * Every place the year's weekly timetable gives a lesson between two dates (both included): each slot on every date
 * whose ISO weekday is the slot's, when that date is a school day for the class's grade — inside a period of the
 * grade, outside the grade's breaks, not a day off, within the school's working week — with the bells of its number.
 * Columns: year_id, page_id, class_id, grade, group_id, subject_code, day, lesson_number, starts_at, ends_at.
 */
export function timetablePlacesSql(p: TimetablePlacesParams): string {
  return `
  SELECT s.year_id, s.page_id, s.class_id, s.grade, s.group_id, s.subject_code, d.day, s.lesson_number,
         b.starts_at, b.ends_at
    FROM (SELECT ${p.from}::date + offset_days AS day FROM generate_series(0, ${p.to}::date - ${p.from}::date) AS offset_days) AS d
    JOIN timetable_slot s ON s.year_id = ${p.yearId} AND s.weekday = extract(isodow FROM d.day) AND s.weekday <= ${p.daysPerWeek}
    JOIN jsonb_to_recordset(${p.bells}::jsonb) AS b(lesson_number smallint, starts_at text, ends_at text)
      ON b.lesson_number = s.lesson_number
   WHERE EXISTS (SELECT 1 FROM period p
                  WHERE p.year_id = s.year_id AND d.day BETWEEN p.start_date AND p.end_date
                    AND s.grade BETWEEN p.grade_from AND p.grade_to)
     AND NOT EXISTS (SELECT 1 FROM school_break x
                      WHERE x.year_id = s.year_id AND d.day BETWEEN x.start_date AND x.end_date
                        AND s.grade BETWEEN x.grade_from AND x.grade_to)
     AND NOT EXISTS (SELECT 1 FROM day_off o WHERE o.year_id = s.year_id AND o.date = d.day)`;
}
