import { addDays, daysBetween } from '#domain';
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
// A period boundary belongs to a break that starts or ends within this many days of it.
const NEAR_DAYS = 14;

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
  // Breaks that bound periods of this grade band; the extra grade-1 week falls inside a quarter.
  const bounding = breaks.filter(
    (item) => item.kind !== 'extra-grade1' && item.gradeFrom <= period.gradeFrom && item.gradeTo >= period.gradeTo,
  );
  const shiftedStart = addDays(period.start, WEEKS_52);
  const shiftedEnd = addDays(period.end, WEEKS_52);
  const nearest = (target: string, dateOf: (item: BreakRequest) => string) =>
    bounding
      .map((item) => ({ item, distance: Math.abs(daysBetween(target, dateOf(item))) }))
      .filter(({ distance }) => distance <= NEAR_DAYS)
      .sort((a, b) => a.distance - b.distance)[0]?.item;
  const breakBefore = nearest(addDays(shiftedStart, -1), (item) => item.end);
  const breakAfter = nearest(addDays(shiftedEnd, 1), (item) => item.start);
  const start = period.start === previous.start ? yearStart : breakBefore ? addDays(breakBefore.end, 1) : shiftedStart;
  const end = breakAfter ? addDays(breakAfter.start, -1) : shiftedEnd;
  return { ...period, start, end };
}
