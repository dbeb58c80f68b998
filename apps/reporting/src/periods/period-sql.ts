/** Columns every period lookup selects, so that one row type reads them all. */
const PERIOD_COLUMNS = 'pr.id, pr.name_ru, pr.start_date, pr.end_date';

/**
 * The period of a class (row alias `classAlias`) on a date: a period of the class's school year (the year whose
 * label is the class's) for the class's grade that contains the date; in a break, the last one that ended before it.
 * For use in `LEFT JOIN LATERAL (…) pr ON true`.
 */
export function periodOfClassOnDateSql(classAlias: string, date: string): string {
  return `SELECT ${PERIOD_COLUMNS}
    FROM academic_year y
    JOIN period pr ON pr.year_id = y.id AND ${classAlias}.grade BETWEEN pr.grade_from AND pr.grade_to
    WHERE y.school_id = ${classAlias}.school_id
      AND y.label = ${classAlias}.academic_year
      AND pr.start_date <= ${date}
    ORDER BY pr.start_date DESC
    LIMIT 1`;
}

/**
 * A period chosen by id, only if it belongs to a year of one of the schools `schoolIdsSql` yields (a column or a
 * subquery): a period of another school never answers.
 */
export function periodByIdSql(periodId: string, schoolIdsSql: string): string {
  return `SELECT ${PERIOD_COLUMNS}
    FROM period pr
    JOIN academic_year y ON y.id = pr.year_id
    WHERE pr.id = ${periodId} AND y.school_id IN (${schoolIdsSql})`;
}

/**
 * A period chosen by id, only if it is one of the class's (row alias `classAlias`): of its school, of the school year
 * whose label is the class's, and for the class's grade. A half-year asked for a class kept in quarters, or last
 * year's quarter, does not answer.
 */
export function periodOfClassByIdSql(classAlias: string, periodId: string): string {
  return `SELECT ${PERIOD_COLUMNS}
    FROM period pr
    JOIN academic_year y ON y.id = pr.year_id
    WHERE pr.id = ${periodId}
      AND y.school_id = ${classAlias}.school_id
      AND y.label = ${classAlias}.academic_year
      AND ${classAlias}.grade BETWEEN pr.grade_from AND pr.grade_to`;
}
