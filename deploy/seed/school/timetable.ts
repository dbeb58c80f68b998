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
 * A weekly timetable for every class: each unit goes to the free slot with the lowest penalty (the same subject
 * twice a day, gaps in a child's day, lessons past the grade's daily maximum, heavy days), the groups of a split
 * subject at the same time with their own teachers, and never a teacher in two rooms at once. Classes are placed
 * in seeded random orders and the best timetable is kept.
 */
export function buildTimetable(classes: TimetableClass[], seed = 'timetable', attempts = 30): Timetable {
  const random = createRandom(seed);
  let best: (Timetable & { penalty: number }) | undefined;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const candidate = placeClasses(attempt === 0 ? classes : random.shuffle(classes));
    const better =
      !best ||
      candidate.teacherConflicts < best.teacherConflicts ||
      (candidate.teacherConflicts === best.teacherConflicts && candidate.penalty < best.penalty);
    if (better) best = candidate;
  }
  return { slots: best!.slots, teacherConflicts: best!.teacherConflicts };
}

interface DayState {
  taken: Set<number>;
  subjects: Map<string, number>;
}

function slotPenalty(day: DayState, lesson: number, subjectCode: string, max: number): number {
  const sameSubject = day.subjects.get(subjectCode) ?? 0;
  const last = Math.max(0, ...day.taken);
  let penalty = sameSubject === 0 ? 0 : sameSubject === 1 ? 40 : 400;
  if (lesson > last + 1) penalty += 30 * (lesson - last - 1);
  if (lesson < last) penalty -= 5;
  if (lesson > max) penalty += 60 * (lesson - max);
  return penalty + 3 * day.taken.size + lesson;
}

function placeClasses(classes: TimetableClass[]): Timetable & { penalty: number } {
  const busy = new Set<string>();
  const slots = new Map<string, PlanSlot[]>();
  let teacherConflicts = 0;
  let penalty = 0;
  const free = (teachers: string[], weekday: number, lesson: number) =>
    teachers.every((teacher) => !busy.has(`${teacher}|${weekday}|${lesson}`));

  for (const schoolClass of classes) {
    const placed: PlanSlot[] = [];
    const days = new Map<number, DayState>(WEEKDAYS.map((day) => [day, { taken: new Set<number>(), subjects: new Map() }]));
    const max = maxLessonsPerDay(schoolClass.grade);

    for (const unit of unitsOf(schoolClass.pages)) {
      let choice: { weekday: number; lesson: number; penalty: number } | undefined;
      for (const weekday of WEEKDAYS) {
        const day = days.get(weekday)!;
        for (let lesson = 1; lesson <= LAST_LESSON; lesson += 1) {
          if (day.taken.has(lesson) || !free(unit.teachers, weekday, lesson)) continue;
          const score = slotPenalty(day, lesson, unit.subjectCode, max);
          if (!choice || score < choice.penalty) choice = { weekday, lesson, penalty: score };
        }
      }
      if (!choice) {
        const weekday = [...WEEKDAYS].sort((a, b) => days.get(a)!.taken.size - days.get(b)!.taken.size)[0]!;
        const taken = days.get(weekday)!.taken;
        let lesson = 1;
        while (taken.has(lesson)) lesson += 1;
        choice = { weekday, lesson, penalty: 1_000 };
        teacherConflicts += 1;
      }
      const day = days.get(choice.weekday)!;
      day.taken.add(choice.lesson);
      day.subjects.set(unit.subjectCode, (day.subjects.get(unit.subjectCode) ?? 0) + 1);
      penalty += choice.penalty;
      for (const teacher of unit.teachers) busy.add(`${teacher}|${choice.weekday}|${choice.lesson}`);
      for (const page of unit.pages) {
        placed.push({ pageKey: page.key, subjectCode: page.subjectCode, weekday: choice.weekday, lessonNumber: choice.lesson });
      }
    }
    slots.set(schoolClass.classKey, placed);
  }
  return { slots, teacherConflicts, penalty };
}
