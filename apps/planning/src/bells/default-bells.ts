import type { Bell } from '#contracts';

const FIRST_LESSON_START = 8 * 60 + 30;
const LESSON_MINUTES = 40;
const SHORT_BREAK_MINUTES = 10;
/** The long breaks (for meals) follow lessons 2 and 3. */
const LONG_BREAK_AFTER: Record<number, number> = { 2: 20, 3: 20 };
const LAST_LESSON_NUMBER = 10;

function breakAfter(lessonNumber: number): number {
  return LONG_BREAK_AFTER[lessonNumber] ?? SHORT_BREAK_MINUTES;
}

function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The bells of a school that set none: lesson 1 at 08:30, 40-minute lessons, 10-minute breaks (20 after 2 and 3). */
export function defaultBells(): Bell[] {
  const bells: Bell[] = [];
  const zeroStart = FIRST_LESSON_START - SHORT_BREAK_MINUTES - LESSON_MINUTES;
  bells.push({ lessonNumber: 0, start: clockTime(zeroStart), end: clockTime(zeroStart + LESSON_MINUTES) });
  let start = FIRST_LESSON_START;
  for (let lessonNumber = 1; lessonNumber <= LAST_LESSON_NUMBER; lessonNumber += 1) {
    bells.push({ lessonNumber, start: clockTime(start), end: clockTime(start + LESSON_MINUTES) });
    start += LESSON_MINUTES + breakAfter(lessonNumber);
  }
  return bells;
}
