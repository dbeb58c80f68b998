import type { SchoolCalendarData } from '../reference-data.js';
import type { BreakRequest, YearRequest } from './year-request.js';

const BREAK_KINDS = new Set(['autumn', 'winter', 'spring', 'summer', 'extra-grade1']);

/** "1-8, 10" → [[1, 8], [10, 10]] */
export function parseGradeRanges(text: string): Array<[number, number]> {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().split('-').map(Number) as [number, number | undefined];
    return [from, to ?? from];
  });
}

/** The published 2025/26 calendar: quarters for grades 1–9, half-years for 10–11 (R-CAL-1). */
export function year2025From(calendar: SchoolCalendarData): YearRequest {
  const breaks: BreakRequest[] = calendar.holidays.flatMap((holiday) =>
    parseGradeRanges(holiday.grades).map(([gradeFrom, gradeTo]) => ({
      kind: (BREAK_KINDS.has(holiday.kind) ? holiday.kind : 'other') as BreakRequest['kind'],
      nameRu: holiday.nameRu,
      start: holiday.start,
      end: holiday.end,
      gradeFrom,
      gradeTo,
    })),
  );
  return {
    label: calendar.schoolYear,
    start: calendar.year.start,
    end: '2026-08-31',
    derived: false,
    daysPerWeek: 5,
    periods: [
      ...calendar.quarters.map((quarter) => ({
        kind: 'quarter' as const,
        number: quarter.n,
        nameRu: quarter.nameRu,
        start: quarter.start,
        end: quarter.end,
        gradeFrom: 1,
        gradeTo: 9,
      })),
      ...calendar.halfYears.map((half) => ({
        kind: 'half-year' as const,
        number: half.n,
        nameRu: half.nameRu,
        start: half.start,
        end: half.end,
        gradeFrom: 10,
        gradeTo: 11,
      })),
    ],
    breaks,
    daysOff: calendar.nonWorkingDays.map((day) => ({ date: day.date, kind: day.type, nameRu: day.nameRu })),
    workingWeekendDays: calendar.workingWeekendDays.map((day) => day.date),
  };
}
