import { z } from 'zod';
import { Id, LessonTime, SubjectCode } from '../common/ids.js';
import { defineRpc } from '../common/rpc-definition.js';
import { AssessmentWarning } from './assessment.models.js';
import { Bell } from './planning.models.js';

const Weekday = z.number().int().min(1).max(6);
const LessonNumber = z.number().int().min(0).max(10);

/** A place of a page in the weekly timetable, with the bell times of its lesson number. */
export const WeeklySlot = z
  .object({
    pageId: Id,
    groupId: Id.nullable(),
    subjectCode: SubjectCode,
    weekday: Weekday,
    lessonNumber: LessonNumber,
    startsAt: LessonTime.nullable(),
    endsAt: LessonTime.nullable(),
  })
  .meta({ id: 'WeeklySlot' });
export type WeeklySlot = z.infer<typeof WeeklySlot>;

export const ClassTimetable = z.object({ yearId: Id, classId: Id, slots: z.array(WeeklySlot) }).meta({ id: 'ClassTimetable' });
export type ClassTimetable = z.infer<typeof ClassTimetable>;

/** A teacher placed in two classes at one time: warned about, not refused (a teacher may take a combined group). */
export const TeacherClash = z
  .object({
    teacherId: Id,
    weekday: Weekday,
    lessonNumber: LessonNumber,
    pageId: Id.meta({ description: 'Страница этого класса' }),
    otherPageId: Id.meta({ description: 'Страница другого класса в то же время' }),
    otherClassId: Id,
    message: z.string(),
  })
  .meta({ id: 'TeacherClash' });
export type TeacherClash = z.infer<typeof TeacherClash>;

export const EditedClassTimetable = ClassTimetable.extend({
  warnings: z.array(AssessmentWarning).meta({ description: 'Нарушения правил проведения контрольных работ (письмо СК-228/03)' }),
  teacherClashes: z.array(TeacherClash).meta({ description: 'Учитель в это время уже ведёт урок в другом классе' }),
}).meta({ id: 'EditedClassTimetable' });
export type EditedClassTimetable = z.infer<typeof EditedClassTimetable>;

export const SchoolBells = z.object({ bells: z.array(Bell) }).meta({ id: 'SchoolBells' });
export type SchoolBells = z.infer<typeof SchoolBells>;

/**
 * The weekly timetable and the bells as the school's people keep them (R-PLAN-3): staff read, the deputy director and
 * the director change them. A changed timetable reaches the lesson calendar through regeneration.
 */
export const WeeklyTimetableRpc = {
  ofClass: defineRpc<ClassTimetable>()('planning.timetable.of-class', z.object({ classId: Id, yearId: Id })),
  /** Replaces the class's weekly slots; answers the assessment rules its plans break on it (warnings). */
  editClass: defineRpc<EditedClassTimetable>()(
    'planning.timetable.edit-class',
    z.object({
      classId: Id,
      yearId: Id,
      slots: z.array(z.object({ pageId: Id, weekday: Weekday, lessonNumber: LessonNumber })).max(100),
    }),
  ),
  bellsOf: defineRpc<SchoolBells>()('planning.bells.of-school', z.object({ schoolId: Id })),
  editBells: defineRpc<SchoolBells>()('planning.bells.edit', z.object({ schoolId: Id, bells: z.array(Bell).min(1).max(11) })),
} as const;
