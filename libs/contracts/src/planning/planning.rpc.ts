import { z } from 'zod';
import { AcademicYearLabel, Grade, Id, Ok, SubjectCode } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { AssessmentWarning } from './assessment.models.js';
import type { AcademicYear, Lesson, LessonDetails, Period, Subject } from './planning.models.js';
import { Bell, DayOff, PeriodKind, SchoolBreak } from './planning.models.js';

/** Request/reply subjects of the planning service. */
export const PlanningRpc = {
  /** Creates or replaces a school year with its periods, breaks and days off; idempotent by (school, label). */
  upsertYear: defineRpc<AcademicYear>()(
    'planning.years.upsert',
    z.object({
      schoolId: Id,
      label: AcademicYearLabel,
      start: LocalDate,
      end: LocalDate,
      derived: z.boolean(),
      daysPerWeek: z.union([z.literal(5), z.literal(6)]).default(5),
      periods: z
        .array(
          z.object({
            kind: PeriodKind,
            number: z.number().int().min(1).max(4),
            nameRu: z.string().min(1),
            start: LocalDate,
            end: LocalDate,
            gradeFrom: Grade,
            gradeTo: Grade,
          }),
        )
        .min(1),
      breaks: z.array(SchoolBreak),
      daysOff: z.array(DayOff),
      workingWeekendDays: z.array(LocalDate).default([]),
    }),
  ),
  getYear: defineRpc<AcademicYear>()('planning.years.get', z.object({ yearId: Id })),
  /** The year that contains a date (or, between years, the last one that ended: summer shows it); NOT_FOUND if none. */
  yearAt: defineRpc<AcademicYear>()('planning.years.at', z.object({ schoolId: Id, date: LocalDate })),
  /** The period of a grade that contains a date; NOT_FOUND in breaks and outside the year. */
  periodAt: defineRpc<Period>()('planning.periods.at', z.object({ schoolId: Id, grade: Grade, date: LocalDate })),
  getPeriod: defineRpc<Period>()('planning.periods.get', z.object({ periodId: Id })),

  upsertSubjects: defineRpc<Ok>()(
    'planning.subjects.upsert',
    z.object({
      schoolId: Id,
      subjects: z.array(z.object({ code: SubjectCode, nameRu: z.string().min(1), marked: z.boolean() })).min(1),
    }),
  ),
  listSubjects: defineRpc<{ subjects: Subject[] }>()('planning.subjects.list', z.object({ schoolId: Id })),

  setBells: defineRpc<Ok>()('planning.bells.set', z.object({ schoolId: Id, bells: z.array(Bell).min(1) })),

  /**
   * Replaces the weekly timetable of the given classes for a year. Answers the assessment rules (letter СК-228/03) the
   * classes' plans break on the new timetable: warnings, never a refusal.
   */
  replaceTimetable: defineRpc<Ok & { warnings: AssessmentWarning[] }>()(
    'planning.timetable.replace',
    z.object({
      yearId: Id,
      classes: z
        .array(
          z.object({
            classId: Id,
            grade: Grade,
            slots: z.array(
              z.object({
                pageId: Id,
                /** The page's group (R-CAL-3), null for a whole-class page: group pages of one subject share a slot. */
                groupId: Id.nullable().default(null),
                subjectCode: SubjectCode,
                weekday: z.number().int().min(1).max(6),
                lessonNumber: z.number().int().min(0).max(10),
              }),
            ),
          }),
        )
        .min(1),
    }),
  ),
  /**
   * Generates the lesson calendar of a year from its timetable and calendar: lessons on school days only.
   * Idempotent: lessons already on the calendar keep their ids.
   */
  generateLessons: defineRpc<{ created: number; total: number }>()('planning.lessons.generate', z.object({ yearId: Id })),

  getLesson: defineRpc<LessonDetails>()('planning.lessons.get', z.object({ lessonId: Id })),
  /** Lessons of some pages between two dates (both included), ordered by date and lesson number. */
  lessonsOfPages: defineRpc<{ lessons: Lesson[] }>()(
    'planning.lessons.of-pages',
    z.object({ pageIds: z.array(Id).max(500), from: LocalDate, to: LocalDate }),
  ),
} as const;
