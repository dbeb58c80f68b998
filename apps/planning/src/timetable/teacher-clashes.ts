import type { Page, TeacherClash } from '#contracts';

const WEEKDAYS_RU = ['', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];

export interface PlacedSlot {
  pageId: string;
  weekday: number;
  lessonNumber: number;
}

/** The teachers who keep a page now: its assignments without an end (a handed-over page has ended ones). */
function currentTeachers(page: Page | undefined): string[] {
  return page ? page.assignments.filter((assignment) => assignment.to === null).map((assignment) => assignment.teacherId) : [];
}

/**
 * The places of a class's new week where one of its teachers already teaches another class at the same time: each
 * pair once, with a message for people.
 */
export function teacherClashes(slots: readonly PlacedSlot[], otherClassesSlots: readonly PlacedSlot[], pages: ReadonlyMap<string, Page>): TeacherClash[] {
  const clashes: TeacherClash[] = [];
  for (const slot of slots) {
    const teachers = currentTeachers(pages.get(slot.pageId));
    for (const other of otherClassesSlots) {
      if (other.weekday !== slot.weekday || other.lessonNumber !== slot.lessonNumber) continue;
      const otherPage = pages.get(other.pageId);
      if (!otherPage) continue;
      for (const teacherId of currentTeachers(otherPage).filter((teacher) => teachers.includes(teacher))) {
        clashes.push({
          teacherId,
          weekday: slot.weekday,
          lessonNumber: slot.lessonNumber,
          pageId: slot.pageId,
          otherPageId: other.pageId,
          otherClassId: otherPage.classId,
          message: `Учитель в это время уже ведёт урок в ${otherPage.className} (${WEEKDAYS_RU[slot.weekday]}, ${slot.lessonNumber}-й урок)`,
        });
      }
    }
  }
  return clashes;
}
