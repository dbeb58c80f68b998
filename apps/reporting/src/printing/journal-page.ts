import type { LocalDate, PersonName } from '#contracts';
import { wallClockAt } from '#domain';

/** A printed journal page (page = class × subject × group) for a period, as the paper journal shows it. */
export interface JournalPage {
  schoolName: string;
  className: string;
  academicYear: string;
  subjectName: string;
  groupName: string | null;
  /** Surnames and initials of those who taught the page in the period, in the order they took it. */
  teachers: string[];
  period: { nameRu: string; start: LocalDate; end: LocalDate };
  /** Numbered in Russian alphabetical order, surname and initials. */
  students: Array<{ number: number; name: string }>;
  /** Lessons by date; `cells[i]` is what the grid shows for `students[i]`: «н» and marks separated by «/». */
  lessons: Array<{ date: LocalDate; topic: string | null; homework: string | null; cells: string[] }>;
}

/** «Иванов И. П.»: the surname and initials, as the paper journal lists students. */
export function surnameAndInitials(name: PersonName): string {
  const initials = [name.firstName, name.middleName ?? '']
    .filter((part) => part.length > 0)
    .map((part) => `${part.charAt(0)}.`)
    .join(' ');
  return initials ? `${name.lastName} ${initials}` : name.lastName;
}

/** «н» for an absence, then the marks in the order they were entered, separated by «/» (for example «н/5», «4/5»). */
export function cellText(absent: boolean, marks: readonly number[]): string {
  return [...(absent ? ['н'] : []), ...marks.map(String)].join('/');
}

/** 2026-10-21 → «21.10» (grid headers) or «21.10.2026» (with the year). */
export function russianDate(date: LocalDate, withYear = false): string {
  const [year, month, day] = date.split('-');
  return withYear ? `${day}.${month}.${year}` : `${day}.${month}`;
}

/**
 * An instant as people at the school read it in a file: «15.09.2026 11:02», the wall clock of the school's zone
 * (R-CAL-2), never the server's or UTC.
 */
export function russianDateTime(instant: string | Date, timeZone: string): string {
  const parts = wallClockAt(new Date(instant), timeZone);
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}
