import type { AcademicYear } from '#contracts';
import { eachDate, isoWeekday } from '#domain';

/**
 * The study weeks of a grade in a year, from the school's calendar: its school days (in a period of the grade, outside
 * its breaks, not a day off, within the working week or a working weekend day) over the days of the working week.
 */
export function studyWeeks(year: AcademicYear, grade: number): number {
  const forGrade = <T extends { gradeFrom: number; gradeTo: number }>(ranges: readonly T[]) =>
    ranges.filter((range) => range.gradeFrom <= grade && grade <= range.gradeTo);
  const periods = forGrade(year.periods);
  const breaks = forGrade(year.breaks);
  const daysOff = new Set(year.daysOff.map((day) => day.date));
  const workingWeekend = new Set(year.workingWeekendDays);
  let days = 0;
  for (const date of eachDate(year.start, year.end)) {
    if (!periods.some((period) => period.start <= date && date <= period.end)) continue;
    if (breaks.some((schoolBreak) => schoolBreak.start <= date && date <= schoolBreak.end)) continue;
    if (daysOff.has(date)) continue;
    if (isoWeekday(date) > year.daysPerWeek && !workingWeekend.has(date)) continue;
    days += 1;
  }
  return Math.round(days / year.daysPerWeek);
}
