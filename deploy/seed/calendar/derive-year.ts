import { addDays } from '#domain';
import type { BreakRequest, PeriodRequest, YearRequest } from './year-request.js';

// Fixed-date public holidays of the Labour Code, art. 112. Weekend transfers are set each year by decree and are
// not derivable, so a derived year carries none.
const PUBLIC_HOLIDAYS: ReadonlyArray<readonly [string, string]> = [
  ['01-01', 'Новогодние каникулы'],
  ['01-02', 'Новогодние каникулы'],
  ['01-03', 'Новогодние каникулы'],
  ['01-04', 'Новогодние каникулы'],
  ['01-05', 'Новогодние каникулы'],
  ['01-06', 'Новогодние каникулы'],
  ['01-07', 'Рождество Христово'],
  ['01-08', 'Новогодние каникулы'],
  ['02-23', 'День защитника Отечества'],
  ['03-08', 'Международный женский день'],
  ['05-01', 'Праздник Весны и Труда'],
  ['05-09', 'День Победы'],
  ['06-12', 'День России'],
  ['11-04', 'День народного единства'],
];

const WEEKS_52 = 364;

/**
 * The next school year built from the federal pattern of a known one: breaks move by whole weeks (so they keep
 * their weekdays), the year runs 1 September – 31 August, each period runs from the day after one break to the day
 * before the next, and public holidays fall on their fixed dates. Marked `derived`.
 */
export function deriveNextYear(previous: YearRequest): YearRequest {
  const startYear = Number(previous.label.slice(0, 4)) + 1;
  const start = `${startYear}-09-01`;
  const end = `${startYear + 1}-08-31`;
  const breaks: BreakRequest[] = previous.breaks.map((item) => ({
    ...item,
    start: addDays(item.start, WEEKS_52),
    end: item.kind === 'summer' ? end : addDays(item.end, WEEKS_52),
  }));
  const periods = previous.periods.map((period) => derivePeriod(period, previous, breaks, start));
  const daysOff = PUBLIC_HOLIDAYS.map(([monthDay, nameRu]) => {
    const year = monthDay >= '09-01' ? startYear : startYear + 1;
    return { date: `${year}-${monthDay}`, kind: 'public-holiday' as const, nameRu };
  }).filter((day) => day.date >= start && day.date <= end);
  return {
    label: `${startYear}/${startYear + 1}`,
    start,
    end,
    derived: true,
    daysPerWeek: previous.daysPerWeek,
    periods,
    breaks,
    daysOff,
    workingWeekendDays: [],
  };
}

function derivePeriod(period: PeriodRequest, previous: YearRequest, breaks: BreakRequest[], yearStart: string): PeriodRequest {
  const relevant = breaks.filter((item) => item.gradeFrom <= period.gradeFrom && item.gradeTo >= period.gradeTo);
  const shiftedStart = addDays(period.start, WEEKS_52);
  const shiftedEnd = addDays(period.end, WEEKS_52);
  const breakBefore = relevant
    .filter((item) => item.end < shiftedEnd && item.kind !== 'extra-grade1')
    .filter((item) => item.end >= addDays(shiftedStart, -14))
    .sort((a, b) => b.end.localeCompare(a.end))[0];
  const breakAfter = relevant
    .filter((item) => item.start > shiftedStart && item.kind !== 'extra-grade1')
    .sort((a, b) => a.start.localeCompare(b.start))[0];
  const start = period.start === previous.start ? yearStart : breakBefore ? addDays(breakBefore.end, 1) : shiftedStart;
  const end = breakAfter ? addDays(breakAfter.start, -1) : shiftedEnd;
  return { ...period, start, end };
}
