import { z } from 'zod';
import { AcademicYearLabel, Grade, Id, LessonTime, SubjectCode } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';

export const GradeRange = z
  .object({ gradeFrom: Grade, gradeTo: Grade })
  .refine((range) => range.gradeFrom <= range.gradeTo, 'Неверный диапазон классов');

export const PeriodKind = z.enum(['quarter', 'half-year', 'trimester']);
export type PeriodKind = z.infer<typeof PeriodKind>;

/** A reporting period of a year for a band of grades (R-CAL-1): quarters for 2–9, half-years for 10–11… */
export const Period = z.object({
  id: Id,
  yearId: Id,
  kind: PeriodKind,
  number: z.number().int().min(1).max(4),
  nameRu: z.string(),
  start: LocalDate,
  end: LocalDate,
  gradeFrom: Grade,
  gradeTo: Grade,
  closed: z.boolean(),
});
export type Period = z.infer<typeof Period>;

export const BreakKind = z.enum(['autumn', 'winter', 'spring', 'summer', 'extra-grade1', 'other']);
/** A break (каникулы) for a band of grades, both ends included. */
export const SchoolBreak = z.object({
  kind: BreakKind,
  nameRu: z.string(),
  start: LocalDate,
  end: LocalDate,
  gradeFrom: Grade,
  gradeTo: Grade,
});
export type SchoolBreak = z.infer<typeof SchoolBreak>;

export const DayOffKind = z.enum(['public-holiday', 'transferred-day-off']);
/** A non-working day for everyone (public holiday or a day off transferred by the production calendar). */
export const DayOff = z.object({ date: LocalDate, kind: DayOffKind, nameRu: z.string() });
export type DayOff = z.infer<typeof DayOff>;

export const AcademicYear = z.object({
  id: Id,
  schoolId: Id,
  label: AcademicYearLabel,
  start: LocalDate,
  end: LocalDate,
  /** Built from the federal pattern of an earlier year rather than from a published calendar. */
  derived: z.boolean(),
  /** Days of the 5-day week: 5; a 6-day week: 6. */
  daysPerWeek: z.union([z.literal(5), z.literal(6)]),
  periods: z.array(Period),
  breaks: z.array(SchoolBreak),
  daysOff: z.array(DayOff),
  /** Saturdays (or Sundays) made working days by the production calendar. */
  workingWeekendDays: z.array(LocalDate),
});
export type AcademicYear = z.infer<typeof AcademicYear>;

export const Subject = z.object({
  schoolId: Id,
  code: SubjectCode,
  nameRu: z.string(),
  /** Unmarked subjects (безотметочные) take no numeric marks (R-MARK-1). */
  marked: z.boolean(),
});
export type Subject = z.infer<typeof Subject>;

export const Bell = z.object({ lessonNumber: z.number().int().min(0).max(10), start: LessonTime, end: LessonTime });
export type Bell = z.infer<typeof Bell>;

export const LessonStatus = z.enum(['scheduled', 'cancelled']);

/** One lesson on the calendar: a page on a date at a lesson number (R-PLAN-3). */
export const Lesson = z.object({
  id: Id,
  schoolId: Id,
  yearId: Id,
  pageId: Id,
  classId: Id,
  grade: Grade,
  subjectCode: SubjectCode,
  date: LocalDate,
  lessonNumber: z.number().int(),
  startsAt: LessonTime,
  endsAt: LessonTime,
  status: LessonStatus,
});
export type Lesson = z.infer<typeof Lesson>;

/** A lesson with what a journal write needs: its subject and its period (for "closed"). */
export const LessonDetails = z.object({
  lesson: Lesson,
  subject: Subject,
  period: Period.nullable(),
  yearLabel: AcademicYearLabel,
});
export type LessonDetails = z.infer<typeof LessonDetails>;
