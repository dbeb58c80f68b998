import { createRandom } from '../random.js';
import type { PlanPage, PlanSlot } from './plan-types.js';

export interface TimetableClass {
  classKey: string;
  grade: number;
  pages: PlanPage[];
}

export interface Timetable {
  slots: Map<string, PlanSlot[]>;
  /** Lessons that could only be placed with a teacher in two places at once (0 for a sound timetable). */
  teacherConflicts: number;
}

const WEEKDAYS = [1, 2, 3, 4, 5] as const;
const LAST_LESSON = 8;

function maxLessonsPerDay(grade: number): number {
  if (grade === 1) return 4;
  if (grade <= 4) return 5;
  if (grade <= 6) return 6;
  return 7;
}

interface Unit {
  subjectCode: string;
  pages: PlanPage[];
  teachers: string[];
}

/** Each subject's weekly hours, spread over the week as evenly as possible (several subjects round-robin). */
function unitsOf(pages: PlanPage[]): Unit[] {
  const bySubject = new Map<string, PlanPage[]>();
  for (const page of pages) bySubject.set(page.subjectCode, [...(bySubject.get(page.subjectCode) ?? []), page]);
  const queues = [...bySubject.entries()]
    .map(([subjectCode, subjectPages]) => ({
      hours: Math.max(...subjectPages.map((page) => page.hoursPerWeek)),
      unit: { subjectCode, pages: subjectPages, teachers: [...new Set(subjectPages.map((page) => page.teacherKey))] },
    }))
    .sort((a, b) => b.hours - a.hours || a.unit.subjectCode.localeCompare(b.unit.subjectCode));
  const units: Unit[] = [];
  for (let round = 0; queues.some((queue) => queue.hours > round); round += 1) {
    for (const queue of queues) if (queue.hours > round) units.push(queue.unit);
  }
  return units;
}

/**
 * A weekly timetable for every class: lessons from the first one on, each subject spread across days, the groups of
 * a split subject at the same time with their own teachers, and no teacher in two rooms at once. Classes are placed
 * in seeded random orders until an order without conflicts is found.
 */
export function buildTimetable(classes: TimetableClass[], seed = 'timetable', attempts = 40): Timetable {
  const random = createRandom(seed);
  let best: Timetable | undefined;
  for (let attempt = 0; attempt < attempts && (best?.teacherConflicts ?? 1) > 0; attempt += 1) {
    const order = attempt === 0 ? classes : random.shuffle(classes);
    const candidate = placeClasses(order);
    if (!best || candidate.teacherConflicts < best.teacherConflicts) best = candidate;
  }
  return best!;
}

function placeClasses(classes: TimetableClass[]): Timetable {
  const busy = new Set<string>();
  const slots = new Map<string, PlanSlot[]>();
  let teacherConflicts = 0;
  const free = (teachers: string[], weekday: number, lesson: number) =>
    teachers.every((teacher) => !busy.has(`${teacher}|${weekday}|${lesson}`));

  for (const schoolClass of classes) {
    const placed: PlanSlot[] = [];
    const lessonsOnDay = new Map<number, number>(WEEKDAYS.map((day) => [day, 0]));
    const subjectOnDay = new Map<string, number>();
    const max = maxLessonsPerDay(schoolClass.grade);

    for (const unit of unitsOf(schoolClass.pages)) {
      const days = [...WEEKDAYS].sort(
        (a, b) =>
          (subjectOnDay.get(`${a}|${unit.subjectCode}`) ?? 0) - (subjectOnDay.get(`${b}|${unit.subjectCode}`) ?? 0) ||
          lessonsOnDay.get(a)! - lessonsOnDay.get(b)! ||
          a - b,
      );
      const choice = firstFree(days, lessonsOnDay, unit.teachers, [max, LAST_LESSON], free);
      let slot = choice;
      if (!slot) {
        const weekday = days[0]!;
        slot = { weekday, lesson: lessonsOnDay.get(weekday)! + 1 };
        teacherConflicts += 1;
      }
      lessonsOnDay.set(slot.weekday, Math.max(lessonsOnDay.get(slot.weekday)!, slot.lesson));
      const dayKey = `${slot.weekday}|${unit.subjectCode}`;
      subjectOnDay.set(dayKey, (subjectOnDay.get(dayKey) ?? 0) + 1);
      for (const teacher of unit.teachers) busy.add(`${teacher}|${slot.weekday}|${slot.lesson}`);
      for (const page of unit.pages) {
        placed.push({ pageKey: page.key, subjectCode: page.subjectCode, weekday: slot.weekday, lessonNumber: slot.lesson });
      }
    }
    slots.set(schoolClass.classKey, placed);
  }
  return { slots, teacherConflicts };
}

/** The next lesson of some day; failing that, a later lesson of some day (leaving a gap) within the limits. */
function firstFree(
  days: number[],
  lessonsOnDay: Map<number, number>,
  teachers: string[],
  limits: number[],
  free: (teachers: string[], weekday: number, lesson: number) => boolean,
): { weekday: number; lesson: number } | undefined {
  for (const limit of limits) {
    for (const weekday of days) {
      const next = lessonsOnDay.get(weekday)! + 1;
      if (next <= limit && free(teachers, weekday, next)) return { weekday, lesson: next };
    }
  }
  for (const limit of limits) {
    for (const weekday of days) {
      for (let lesson = lessonsOnDay.get(weekday)! + 2; lesson <= limit; lesson += 1) {
        if (free(teachers, weekday, lesson)) return { weekday, lesson };
      }
    }
  }
  return undefined;
}
