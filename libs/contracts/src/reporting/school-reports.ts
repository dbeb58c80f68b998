import { z } from 'zod';
import { Id, SubjectCode } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { PersonName } from '../common/person-name.js';
import { defineRpc } from '../common/rpc-definition.js';
import { ExportFormat, type ExportedFile, PlanDeadlineStatus } from '../planning/thematic-plan.models.js';
import { AttendanceCounts, ClassAttendance } from './attendance-summary.js';
import { ResultDeviation } from './result-deviations.js';

/**
 * The span a school report covers (R-REP-3, R-ATT-1): a period of the school, or a range of dates (both included, at
 * most a year). Exactly one of the two.
 */
export const ReportRange = z
  .object({
    periodId: Id.optional().meta({ description: 'Учебный период школы' }),
    from: LocalDate.optional().meta({ description: 'Начало диапазона дат (вместо периода)' }),
    to: LocalDate.optional().meta({ description: 'Конец диапазона дат, включительно' }),
  })
  .refine((range) => (range.periodId !== undefined) !== (range.from !== undefined || range.to !== undefined), {
    message: 'Укажите либо учебный период (periodId), либо диапазон дат (from и to)',
  })
  .refine((range) => (range.from === undefined) === (range.to === undefined), { message: 'Диапазон дат: укажите и from, и to' })
  .refine((range) => range.from === undefined || range.to === undefined || range.from <= range.to, {
    message: 'Начало диапазона позже его конца',
  });
export type ReportRange = z.infer<typeof ReportRange>;

/** The span as resolved: the period's dates or the range given; `until` is the last day whose lessons were held. */
export const ResolvedRange = z.object({
  periodId: Id.nullable(),
  nameRu: z.string().meta({ description: 'Название периода или «01.12.2026 – 10.12.2026»' }),
  from: LocalDate,
  to: LocalDate,
  heldUntil: LocalDate.meta({ description: 'Последний день, уроки по который учтены: конец диапазона или сегодня' }),
});
export type ResolvedRange = z.infer<typeof ResolvedRange>;

const Count = z.number().int().min(0);

export const ReportLesson = z.object({
  lessonId: Id,
  date: LocalDate,
  lessonNumber: z.number().int(),
});

export const LateMarkEntry = ReportLesson.extend({
  markId: Id,
  studentId: Id,
  studentName: PersonName,
  value: z.number().int(),
  enteredAt: z.iso.datetime({ offset: true }),
});

/** Накопляемость: students of the page with fewer marks than the minimum over the span. */
export const FewMarks = z.object({
  lessons: Count.meta({ description: 'Проведённые уроки страницы за диапазон' }),
  weeks: Count.meta({ description: 'Учебные недели класса за диапазон (недели, в которые у класса были уроки)' }),
  students: z.array(z.object({ studentId: Id, name: PersonName, marks: Count })),
});

export const CompletenessCounts = z.object({
  lessonsWithoutTopic: Count,
  attendanceNotTaken: Count,
  lateMarks: Count,
  studentsWithFewMarks: Count,
  planMissing: Count.meta({ description: 'Страницы без КТП после 10 сентября (или сданного с опозданием)' }),
  resultDeviations: Count,
});
export type CompletenessCounts = z.infer<typeof CompletenessCounts>;

export const CompletenessPage = z.object({
  pageId: Id,
  classId: Id,
  className: z.string(),
  subjectCode: SubjectCode,
  subjectName: z.string(),
  groupName: z.string().nullable(),
  counts: CompletenessCounts,
  lessonsWithoutTopic: z.array(ReportLesson),
  attendanceNotTaken: z.array(ReportLesson),
  lateMarks: z.array(LateMarkEntry),
  fewMarks: FewMarks.nullable().meta({ description: 'null — страница не проверялась или все ученики набрали минимум' }),
  plan: z
    .object({ status: PlanDeadlineStatus, submittedAt: z.iso.datetime({ offset: true }).nullable() })
    .nullable()
    .meta({ description: 'КТП не сдан после 10 сентября или сдан с опозданием; null — в порядке' }),
  resultDeviations: z.array(ResultDeviation),
});
export type CompletenessPage = z.infer<typeof CompletenessPage>;

/** The coordinator's report of completeness and timeliness (R-REP-3), grouped per teacher and page. */
export const CompletenessReport = z
  .object({
    schoolId: Id,
    schoolName: z.string(),
    range: ResolvedRange,
    settings: z.object({
      minMarks: z.number().int().min(1),
      minWeeklyLessons: z.number().int().min(1),
    }),
    totals: CompletenessCounts,
    teachers: z.array(
      z.object({
        teacherId: Id.nullable().meta({ description: 'null — страница без учителя на эти даты' }),
        name: PersonName.nullable(),
        counts: CompletenessCounts,
        pages: z.array(CompletenessPage),
      }),
    ),
  })
  .meta({ id: 'CompletenessReport' });
export type CompletenessReport = z.infer<typeof CompletenessReport>;

export const CompletenessQuery = z.object({
  schoolId: Id,
  range: ReportRange,
  /** Накопляемость: the fewest marks a student should have on a page over the span. */
  minMarks: z.number().int().min(1).max(50).default(3),
  /** Only pages with at least this many lessons a week on average are checked for marks. */
  minWeeklyLessons: z.number().int().min(1).max(20).default(2),
});

/** A school's attendance by class and student (R-ATT-1): absences by reason, lates and exact shares. */
export const SchoolAttendance = z
  .object({
    schoolId: Id,
    schoolName: z.string(),
    range: ResolvedRange,
    totals: AttendanceCounts,
    classes: z.array(ClassAttendance.omit({ period: true, heldUntil: true })),
  })
  .meta({ id: 'SchoolAttendance' });
export type SchoolAttendance = z.infer<typeof SchoolAttendance>;

/** A class's attendance over a span (period or dates), as the school report and the printed sheet show it. */
export const ClassAttendanceReport = ClassAttendance.omit({ period: true, heldUntil: true })
  .extend({ schoolName: z.string(), range: ResolvedRange })
  .meta({ id: 'ClassAttendanceReport' });
export type ClassAttendanceReport = z.infer<typeof ClassAttendanceReport>;

/** The school reports from the read model; callers check who may read them. */
export const SchoolReportsRpc = {
  completeness: defineRpc<CompletenessReport>()('reporting.reports.completeness', CompletenessQuery),
  completenessFile: defineRpc<ExportedFile>()(
    'reporting.reports.completeness-file',
    CompletenessQuery.extend({ format: ExportFormat.default('xlsx') }),
  ),
  attendance: defineRpc<SchoolAttendance>()('reporting.reports.attendance', z.object({ schoolId: Id, range: ReportRange })),
  attendanceFile: defineRpc<ExportedFile>()(
    'reporting.reports.attendance-file',
    z.object({ schoolId: Id, range: ReportRange, format: ExportFormat.default('xlsx') }),
  ),
  /** A class's attendance over a span; `pdf` prints it (A4), `xlsx`/`csv` export it. */
  classAttendance: defineRpc<ClassAttendanceReport>()(
    'reporting.reports.class-attendance',
    z.object({ classId: Id, range: ReportRange }),
  ),
  classAttendanceFile: defineRpc<ExportedFile>()(
    'reporting.reports.class-attendance-file',
    z.object({ classId: Id, range: ReportRange, format: z.enum(['pdf', 'xlsx', 'csv']).default('pdf') }),
  ),
} as const;
