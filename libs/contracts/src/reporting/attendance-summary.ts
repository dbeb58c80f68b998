import { z } from 'zod';
import { Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { PersonName } from '../common/person-name.js';
import { defineRpc } from '../common/rpc-definition.js';
import { PeriodRef } from './reporting.models.js';

const Count = z.number().int().min(0);

/** Attendance counted over a period's lessons held so far (R-ATT-1); a late student attended. */
export const AttendanceCounts = z.object({
  lessons: Count.meta({ description: 'Проведённые уроки (не отменённые, по сегодняшний день)' }),
  attended: Count.meta({ description: 'Посещённые уроки: проведённые без отсутствий (опоздание — посещение)' }),
  absences: Count,
  absencesByReason: z.object({
    illness: Count.meta({ description: 'Б — по болезни' }),
    excused: Count.meta({ description: 'УП — по уважительной причине' }),
    unexcused: Count.meta({ description: 'Без уважительной причины' }),
    unspecified: Count.meta({ description: 'Причина не указана' }),
  }),
  late: Count.meta({ description: 'ОП — опоздания' }),
  share: z
    .string()
    .nullable()
    .meta({ description: 'Доля посещённых уроков, %, один знак, округлено вверх от половины один раз; null — уроков не было', example: '96.7' }),
});
export type AttendanceCounts = z.infer<typeof AttendanceCounts>;

const SummaryPeriod = {
  period: PeriodRef,
  heldUntil: LocalDate.meta({ description: 'Последний день, уроки по который учтены: конец периода или сегодня' }),
};

export const StudentAttendance = z
  .object({ studentId: Id, name: PersonName, ...SummaryPeriod, totals: AttendanceCounts })
  .meta({ id: 'StudentAttendance' });
export type StudentAttendance = z.infer<typeof StudentAttendance>;

/** A class's attendance: every student over the class's lessons while enrolled in it, and the class's totals. */
export const ClassAttendance = z
  .object({
    classId: Id,
    className: z.string(),
    ...SummaryPeriod,
    totals: AttendanceCounts,
    students: z.array(z.object({ studentId: Id, name: PersonName, totals: AttendanceCounts })),
  })
  .meta({ id: 'ClassAttendance' });
export type ClassAttendance = z.infer<typeof ClassAttendance>;

/** Attendance summaries from the read model; callers check who may read them. */
export const AttendanceSummaryRpc = {
  /** A student's lessons (in every class they were in) of the period containing `date` (or the given period). */
  ofStudent: defineRpc<StudentAttendance>()(
    'reporting.attendance.student',
    z.object({ studentId: Id, date: LocalDate, periodId: Id.optional() }),
  ),
  /** A class's lessons of the period containing `date` (or the given period), per student enrolled in it. */
  ofClass: defineRpc<ClassAttendance>()(
    'reporting.attendance.class',
    z.object({ classId: Id, date: LocalDate, periodId: Id.optional() }),
  ),
} as const;
