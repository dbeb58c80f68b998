import { z } from 'zod';
import { Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { Substitution } from '../identity/identity.models.js';
import type { LessonChange, TimetableRegeneration } from './lesson-changes.models.js';
import { ChangeReason, LessonNumber } from './lesson-changes.models.js';
import type { Lesson } from './planning.models.js';

/**
 * One-off changes of the lesson calendar on a date and its regeneration after the weekly timetable changed
 * (R-PLAN-3). The school's deputy director or director only; every change is logged and announced. No change touches
 * a closed period.
 */
export const LessonChangesRpc = {
  /** Cancels a lesson: it stays on the calendar, marked cancelled, and takes no records. A lesson holding records is refused. */
  cancel: defineRpc<Lesson>()('planning.lessons.cancel', z.object({ lessonId: Id, reason: ChangeReason })),
  /**
   * Moves a lesson to another date and/or lesson number; it keeps its id and so its records. Refused into a day with
   * no lessons for the class, and into a time the class (or the group) already has a lesson.
   */
  move: defineRpc<Lesson>()(
    'planning.lessons.move',
    z
      .object({ lessonId: Id, date: LocalDate.optional(), lessonNumber: LessonNumber.optional(), reason: ChangeReason })
      .refine((request) => request.date !== undefined || request.lessonNumber !== undefined, {
        message: 'Укажите новую дату или номер урока',
        path: ['date'],
      }),
  ),
  /** Assigns a substitute to one lesson through identity (R-ACC-3), and logs it. Assigning the same one again changes nothing. */
  substitute: defineRpc<Substitution>()(
    'planning.lessons.substitute',
    z.object({ lessonId: Id, teacherId: Id, reason: ChangeReason.nullable().default(null) }),
  ),
  /** Ends the substitution of a lesson; a lesson without one changes nothing. */
  removeSubstitute: defineRpc<{ removed: boolean }>()(
    'planning.lessons.remove-substitute',
    z.object({ lessonId: Id, reason: ChangeReason.nullable().default(null) }),
  ),
  /** Adds a lesson of a page on a date outside the weekly timetable. Adding the same one again returns it. */
  addExtra: defineRpc<Lesson>()(
    'planning.lessons.add-extra',
    z.object({ pageId: Id, date: LocalDate, lessonNumber: LessonNumber, reason: ChangeReason }),
  ),
  /** The change log of a school: changes of lessons dated (before or after a move) between two dates, oldest first. */
  changes: defineRpc<{ changes: LessonChange[] }>()(
    'planning.lesson-changes.list',
    z.object({ schoolId: Id, from: LocalDate, to: LocalDate, classId: Id.optional() }),
  ),
  /**
   * Brings the lesson calendar of a school's year in line with its weekly timetable from a date on (default: today in
   * the school's zone): lessons that no longer fit are removed unless they hold records (then they are kept and
   * reported as conflicts), lessons missing are added. A dry run (the default) only answers the difference.
   */
  regenerate: defineRpc<TimetableRegeneration>()(
    'planning.timetable.regenerate',
    z.object({ schoolId: Id, from: LocalDate.optional(), apply: z.boolean().default(false) }),
  ),
} as const;
