import { blocks, type TimeHolder } from './time-sharing.js';

/** A place the weekly timetable gives a lesson: a page on a date at a lesson number. */
export interface TimetablePlace extends TimeHolder {
  classId: string;
  grade: number;
  date: string;
  lessonNumber: number;
}

/** A lesson on the calendar, with where the timetable placed it (null for an extra lesson). */
export interface CalendarLesson extends TimeHolder {
  id: string;
  classId: string;
  date: string;
  lessonNumber: number;
  status: 'scheduled' | 'cancelled';
  origin: 'timetable' | 'extra';
  plannedDate: string | null;
  plannedLessonNumber: number | null;
}

export interface Comparison<P, L> {
  /** Lessons of the timetable from the date on whose place it no longer gives. */
  misfits: L[];
  /** Places the timetable gives that no lesson was placed at. */
  missing: P[];
}

const placeKey = (pageId: string, date: string, lessonNumber: number) => `${pageId}|${date}|${lessonNumber}`;
const timeKey = (classId: string, date: string, lessonNumber: number) => `${classId}|${date}|${lessonNumber}`;

/**
 * Compares the calendar with the timetable from a date on (R-PLAN-3). A lesson is matched to a place by where the
 * timetable put it, wherever it was moved since, so one-off changes stay applied while their place is in the timetable.
 * Extra lessons and lessons now dated before `from` are never misfits. `lessons` must hold every lesson dated from
 * `from` on and every timetable lesson placed from `from` on.
 */
export function compareWithTimetable<P extends TimetablePlace, L extends CalendarLesson>(
  places: readonly P[],
  lessons: readonly L[],
  from: string,
): Comparison<P, L> {
  const given = new Set(places.map((place) => placeKey(place.pageId, place.date, place.lessonNumber)));
  const placed = new Set<string>();
  const misfits: L[] = [];
  for (const lesson of lessons) {
    if (lesson.origin !== 'timetable' || lesson.plannedDate === null || lesson.plannedLessonNumber === null) continue;
    const key = placeKey(lesson.pageId, lesson.plannedDate, lesson.plannedLessonNumber);
    placed.add(key);
    if (lesson.plannedDate >= from && lesson.date >= from && !given.has(key)) misfits.push(lesson);
  }
  const missing = places.filter((place) => !placed.has(placeKey(place.pageId, place.date, place.lessonNumber)));
  return { misfits, missing };
}

/**
 * Which missing places can take a lesson: not where the class (or the group) keeps another lesson at that time — a
 * moved or extra lesson, or a misfit kept because it holds records. Those are blocked by the first lesson in the way.
 * Places of one timetable never clash with each other (the timetable is checked when it is saved).
 */
export function placeMissing<P extends TimetablePlace>(
  missing: readonly P[],
  kept: readonly CalendarLesson[],
): { added: P[]; blocked: Array<{ place: P; blockedBy: string }> } {
  const byTime = new Map<string, CalendarLesson[]>();
  for (const lesson of kept) {
    const key = timeKey(lesson.classId, lesson.date, lesson.lessonNumber);
    byTime.set(key, [...(byTime.get(key) ?? []), lesson]);
  }
  const added: P[] = [];
  const blocked: Array<{ place: P; blockedBy: string }> = [];
  for (const place of missing) {
    const inTheWay = byTime.get(timeKey(place.classId, place.date, place.lessonNumber))?.find((lesson) => blocks(lesson, place));
    if (inTheWay) blocked.push({ place, blockedBy: inTheWay.id });
    else added.push(place);
  }
  return { added, blocked };
}
