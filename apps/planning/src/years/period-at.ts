import type { SelectQueryBuilder } from 'typeorm';

/**
 * The condition "the period (alias) is of the grade and contains the date", the grade and date given as SQL
 * expressions: parameters (`:grade`) or another alias's columns (`lesson.grade`).
 */
export function periodContains(period: string, grade: string, date: string): string {
  return `${grade} BETWEEN ${period}.gradeFrom AND ${period}.gradeTo AND ${date} BETWEEN ${period}.start AND ${period}.end`;
}

/** Periods of one grade do not overlap; should they, the later one decides. */
export function latestPeriodFirst<T extends object>(query: SelectQueryBuilder<T>, period: string): SelectQueryBuilder<T> {
  return query.addOrderBy(`${period}.start`, 'DESC').addOrderBy(`${period}.id`);
}
