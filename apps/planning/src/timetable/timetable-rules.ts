import { DomainError, ErrorCode } from '#contracts';
import type { ClassTimetable, TimetableSlot } from './replace-timetable.command.js';

const ON_WEEKDAY = ['', 'в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'в субботу'];

function refuse(message: string, details: Record<string, unknown>): never {
  throw new DomainError(ErrorCode.ValidationFailed, message, details);
}

/** Groups of one subject (two foreign-language groups) share a slot; anything else at one time is a clash. */
function mayShareSlot(slots: TimetableSlot[]): boolean {
  const [first] = slots;
  if (!first) return true;
  const pages = new Set(slots.map((slot) => slot.pageId));
  const groups = new Set(slots.map((slot) => slot.groupId));
  return (
    slots.every((slot) => slot.groupId !== null && slot.subjectCode === first.subjectCode) &&
    pages.size === slots.length &&
    groups.size === slots.length
  );
}

function assertNoClash(timetable: ClassTimetable): void {
  const byTime = new Map<string, TimetableSlot[]>();
  for (const slot of timetable.slots) {
    const time = `${slot.weekday}:${slot.lessonNumber}`;
    byTime.set(time, [...(byTime.get(time) ?? []), slot]);
  }
  for (const slots of byTime.values()) {
    const [first] = slots;
    if (!first || slots.length < 2 || mayShareSlot(slots)) continue;
    const { weekday, lessonNumber } = first;
    refuse(
      `В расписании класса два урока ${ON_WEEKDAY[weekday]} на ${lessonNumber}-м уроке: одно время делят только группы одного предмета`,
      { classId: timetable.classId, weekday, lessonNumber, pageIds: slots.map((slot) => slot.pageId) },
    );
  }
}

/** Refuses a timetable with clashing lessons, a class given twice or a page placed in two classes. */
export function assertValidTimetable(classes: ClassTimetable[]): void {
  const classIds = new Set<string>();
  const classOfPage = new Map<string, string>();
  for (const timetable of classes) {
    if (classIds.has(timetable.classId)) refuse('Класс указан в расписании дважды', { classId: timetable.classId });
    classIds.add(timetable.classId);
    for (const { pageId } of timetable.slots) {
      const owner = classOfPage.get(pageId) ?? timetable.classId;
      if (owner !== timetable.classId) refuse('Страница журнала стоит в расписании двух классов', { pageId });
      classOfPage.set(pageId, owner);
    }
    assertNoClash(timetable);
  }
}
