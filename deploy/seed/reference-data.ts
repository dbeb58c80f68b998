import { readFileSync } from 'node:fs';
import type { FederalCurriculum } from '#domain';

export type { FederalCurriculum } from '#domain';

// The reference files sit next to the compiled code (swc --copy-files) and next to the sources in tests.
function readJson<T>(fileName: string): T {
  return JSON.parse(readFileSync(new URL(`./data/${fileName}`, import.meta.url), 'utf8')) as T;
}

export interface CalendarRange {
  n: number;
  nameRu: string;
  start: string;
  end: string;
}

export interface SchoolCalendarData {
  schoolYear: string;
  timeZone: string;
  year: { start: string; end: { grades1to8and10: string } };
  quarters: CalendarRange[];
  halfYears: CalendarRange[];
  holidays: Array<{ kind: string; nameRu: string; start: string; end: string; grades: string }>;
  nonWorkingDays: Array<{ date: string; type: 'public-holiday' | 'transferred-day-off'; nameRu: string }>;
  workingWeekendDays: Array<{ date: string }>;
}

export const federalCurriculum = (): FederalCurriculum => readJson<FederalCurriculum>('federal-curriculum-2023.json');
export const schoolCalendar2025 = (): SchoolCalendarData => readJson<SchoolCalendarData>('school-calendar-2025-2026.json');
