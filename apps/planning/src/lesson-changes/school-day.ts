import type { AcademicYear } from '#contracts';
import { isoWeekday } from '#domain';
import { russianDate } from './russian-date.js';

const within = (date: string, start: string, end: string) => start <= date && date <= end;
const forGrade = (grade: number, band: { gradeFrom: number; gradeTo: number }) => band.gradeFrom <= grade && grade <= band.gradeTo;

/**
 * Why a date is not a school day for a grade, in words for people; null when it is one: inside the year and a period
 * of the grade, outside its breaks, not a day off, within the school's working week or a weekend day made working by
 * the production calendar (R-CAL-1).
 */
export function notASchoolDay(year: AcademicYear, grade: number, date: string): string | null {
  const shown = russianDate(date);
  if (!within(date, year.start, year.end)) return `${shown} — вне учебного года ${year.label}`;
  const dayOff = year.daysOff.find((day) => day.date === date);
  if (dayOff) return `${shown} — выходной день («${dayOff.nameRu}»)`;
  if (isoWeekday(date) > year.daysPerWeek && !year.workingWeekendDays.includes(date)) return `${shown} — выходной день`;
  const schoolBreak = year.breaks.find((candidate) => forGrade(grade, candidate) && within(date, candidate.start, candidate.end));
  if (schoolBreak) return `${shown} — каникулы («${schoolBreak.nameRu}») для ${grade} класса`;
  const inPeriod = year.periods.some((period) => forGrade(grade, period) && within(date, period.start, period.end));
  if (!inPeriod) return `${shown} — вне учебных периодов ${grade} класса`;
  return null;
}
