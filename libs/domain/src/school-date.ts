/** A calendar date `YYYY-MM-DD` in a school's time zone (R-CAL-2). Arithmetic is on the calendar, never on instants. */
export type SchoolDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The school's calendar date at an instant: "today" is judged in the school's zone, never the server's. */
export function schoolDateAt(instant: Date, timeZone: string): SchoolDate {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function toUtcMidnight(date: SchoolDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMidnight(ms: number): SchoolDate {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

export function addDays(date: SchoolDate, days: number): SchoolDate {
  return fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS);
}

export function daysBetween(from: SchoolDate, to: SchoolDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: SchoolDate): number {
  const day = new Date(toUtcMidnight(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week a date falls in. */
export function weekStart(date: SchoolDate): SchoolDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** Every date from `from` to `to`, both included. */
export function* eachDate(from: SchoolDate, to: SchoolDate): Generator<SchoolDate> {
  for (let date = from; date <= to; date = addDays(date, 1)) yield date;
}

export function isWithin(date: SchoolDate, from: SchoolDate, to: SchoolDate): boolean {
  return date >= from && date <= to;
}

/** The instant of a wall-clock time `HH:MM` on a school date in the school's zone (e.g. when a lesson ends). */
export function instantAt(date: SchoolDate, time: string, timeZone: string): Date {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const wallClockAsUtc = toUtcMidnight(date) + (hours * 60 + minutes) * 60_000;
  let instant = wallClockAsUtc;
  // Two passes settle the zone's offset, also next to a clock change.
  for (let pass = 0; pass < 2; pass += 1) instant = wallClockAsUtc - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of a zone at an instant, as two-digit parts (`year` four): what a clock at the school shows. */
export function wallClockAt(instant: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  let formatter = wallClockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClockFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

function offsetMs(instant: Date, timeZone: string): number {
  const parts = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}
