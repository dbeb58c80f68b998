import { z } from 'zod';
import { AbsenceReason } from '../attendance/attendance.models.js';
import { Average } from '../common/average.js';
import { Id, LessonTime, SubjectCode } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { PersonName } from '../common/person-name.js';

export const DiaryMark = z.object({
  markId: Id,
  value: z.number().int(),
  workKind: z.string(),
  workKindName: z.string(),
  enteredAt: z.iso.datetime({ offset: true }),
});

export const DiaryAttendance = z.object({
  status: z.enum(['absent', 'late']),
  reason: AbsenceReason.nullable(),
  minutesLate: z.number().int().nullable(),
});

export const DiaryLesson = z.object({
  lessonId: Id,
  lessonNumber: z.number().int(),
  startsAt: LessonTime,
  endsAt: LessonTime,
  subjectCode: SubjectCode,
  subjectName: z.string(),
  topic: z.string().nullable(),
  homework: z.string().nullable(),
  marks: z.array(DiaryMark),
  attendance: DiaryAttendance.nullable(),
});

/** A child's week in the e-diary (R-REP-4): every school day with its lessons. */
export const DiaryWeek = z.object({
  studentId: Id,
  student: PersonName,
  weekStart: LocalDate,
  days: z.array(z.object({ date: LocalDate, lessons: z.array(DiaryLesson) })),
});
export type DiaryWeek = z.infer<typeof DiaryWeek>;

export const PeriodRef = z.object({ id: Id, nameRu: z.string(), start: LocalDate, end: LocalDate });

export const SubjectMarks = z.object({
  subjectCode: SubjectCode,
  subjectName: z.string(),
  marks: z.array(DiaryMark.extend({ date: LocalDate })),
  average: Average.nullable(),
});

/** A child's marks by subject in a period, with exact averages and proposed marks (R-REP-4, R-MARK-5/6). */
export const DiaryMarks = z.object({
  studentId: Id,
  period: PeriodRef,
  subjects: z.array(SubjectMarks),
});
export type DiaryMarks = z.infer<typeof DiaryMarks>;

/** The class summary for a period (R-REP-1): every student's exact average and proposed mark per subject. */
export const ClassSummary = z.object({
  classId: Id,
  className: z.string(),
  period: PeriodRef,
  subjects: z.array(z.object({ code: SubjectCode, nameRu: z.string() })),
  students: z.array(
    z.object({
      studentId: Id,
      name: PersonName,
      subjects: z.array(z.object({ subjectCode: SubjectCode, marksCount: z.number().int(), average: Average.nullable() })),
    }),
  ),
});
export type ClassSummary = z.infer<typeof ClassSummary>;
