import { z } from 'zod';
import { AbsenceReason } from '../attendance/attendance.models.js';
import { Average } from '../common/average.js';
import { Id, LessonTime, SubjectCode } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { PersonName } from '../common/person-name.js';
import { ResultValue } from '../journal/final-results.models.js';

export const DiaryMark = z.object({
  markId: Id,
  value: z.number().int(),
  workKind: z.string(),
  workKindName: z.string(),
  enteredAt: z.iso.datetime({ offset: true }),
  /** Present when the mark was corrected: the value before its last correction ("changed: old → new", R-MARK-7). */
  previousValue: z.number().int().optional().meta({ description: 'Отметка до исправления, если её исправляли' }),
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

/** A period or year result as reports show it (R-MARK-1): the value and the paper journal's words for it. */
export const ShownResult = z.object({ value: ResultValue, label: z.string() }).meta({ id: 'ShownResult' });
export type ShownResult = z.infer<typeof ShownResult>;

/** The final marks of a subject: the period's and the year's (of the period's year), null while not set. */
const FinalMarks = {
  result: ShownResult.nullable().meta({ description: 'Итоговая отметка за период' }),
  yearResult: ShownResult.nullable().meta({ description: 'Годовая отметка' }),
};

export const SubjectMarks = z.object({
  subjectCode: SubjectCode,
  subjectName: z.string(),
  marks: z.array(DiaryMark.extend({ date: LocalDate })),
  average: Average.nullable(),
  ...FinalMarks,
});

/** A child's marks by subject in a period, with exact averages, proposed and final marks (R-REP-4, R-MARK-5/6). */
export const DiaryMarks = z.object({
  studentId: Id,
  period: PeriodRef,
  subjects: z.array(SubjectMarks),
});
export type DiaryMarks = z.infer<typeof DiaryMarks>;

/** The class summary for a period (R-REP-1): every student's exact average, proposed and final marks per subject. */
export const ClassSummary = z.object({
  classId: Id,
  className: z.string(),
  period: PeriodRef,
  subjects: z.array(z.object({ code: SubjectCode, nameRu: z.string() })),
  students: z.array(
    z.object({
      studentId: Id,
      name: PersonName,
      subjects: z.array(
        z.object({ subjectCode: SubjectCode, marksCount: z.number().int(), average: Average.nullable(), ...FinalMarks }),
      ),
    }),
  ),
});
export type ClassSummary = z.infer<typeof ClassSummary>;
