import { z } from 'zod';
import { Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { OneRosterPage } from './oneroster.js';
import { PerformanceIndicatorsView } from './performance.js';

/** The OneRoster 1.2 gradebook collections the municipal portal pulls (R-REP-5). */
export const GradebookCollection = z.enum(['categories', 'lineItems', 'results']);
export type GradebookCollection = z.infer<typeof GradebookCollection>;

export const GradebookQuery = z.object({
  collection: GradebookCollection,
  /** The schools the client was granted: nothing of another school is read. */
  schoolIds: z.array(Id),
  /** One record by its sourcedId instead of the collection. */
  sourcedId: z.string().max(100).optional(),
  /** Only the records of one class (a journal page): `classes/{classSourcedId}/lineItems|results`. */
  classSourcedId: z.string().max(100).optional(),
  /** With `classSourcedId`: only the results of one line item (`classes/{id}/lineItems/{id}/results`). */
  lineItemSourcedId: z.string().max(100).optional(),
  /** With `classSourcedId`: only the results of one student (`classes/{id}/students/{id}/results`). */
  studentSourcedId: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(10_000),
  offset: z.number().int().min(0),
  sort: z.string().max(100).optional(),
  orderBy: z.enum(['asc', 'desc']).optional(),
  filter: z.string().max(1_000).optional(),
  fields: z.string().max(1_000).optional(),
  /** Where the gradebook API is published (…/ims/oneroster/gradebook/v1p2), for the `href` of its own references. */
  baseUrl: z.url(),
  /** Where the rostering API is published (…/ims/oneroster/rostering/v1p2), for references to classes, orgs, users. */
  rosteringBaseUrl: z.url(),
});
export type GradebookQuery = z.infer<typeof GradebookQuery>;

/** A reference to another OneRoster record (GUIDRef). */
const GuidRef = z.object({ href: z.string(), sourcedId: z.string(), type: z.string() });
const Base = {
  sourcedId: z.string(),
  status: z.enum(['active', 'tobedeleted']),
  dateLastModified: z.string().meta({ description: 'Когда запись последний раз менялась (ISO 8601, UTC)' }),
};

/** OneRoster 1.2 Category: a kind of work (ответ на уроке, контрольная …) or the period/year result, with its weight. */
export const GradebookCategory = z
  .object({ ...Base, title: z.string(), weight: z.number().optional() })
  .meta({ id: 'OneRosterCategory' });

/** OneRoster 1.2 LineItem: the marks of one kind of work in one lesson, or the results of a page for a period. */
export const GradebookLineItem = z
  .object({
    ...Base,
    title: z.string(),
    description: z.string().optional(),
    assignDate: z.string(),
    dueDate: z.string(),
    class: GuidRef,
    school: GuidRef,
    category: GuidRef,
    gradingPeriod: GuidRef.optional(),
    academicSession: GuidRef.optional(),
    resultValueMin: z.number(),
    resultValueMax: z.number(),
  })
  .meta({ id: 'OneRosterLineItem' });

/** OneRoster 1.2 Result: one mark (score = the mark) or one period/year result (textScore for н/а, зачёт …). */
export const GradebookResult = z
  .object({
    ...Base,
    lineItem: GuidRef,
    student: GuidRef,
    class: GuidRef,
    scoreStatus: z.enum(['exempt', 'fully graded', 'not submitted', 'partially graded', 'submitted']),
    score: z.number().optional(),
    textScore: z.string().optional(),
    scoreDate: z.string(),
  })
  .meta({ id: 'OneRosterResult' });

export const GradebookCategories = z.object({ categories: z.array(GradebookCategory) }).meta({ id: 'OneRosterCategories' });
export const GradebookCategoryOne = z.object({ category: GradebookCategory }).meta({ id: 'OneRosterCategoryOne' });
export const GradebookLineItems = z.object({ lineItems: z.array(GradebookLineItem) }).meta({ id: 'OneRosterLineItems' });
export const GradebookLineItemOne = z.object({ lineItem: GradebookLineItem }).meta({ id: 'OneRosterLineItemOne' });
export const GradebookResults = z.object({ results: z.array(GradebookResult) }).meta({ id: 'OneRosterResults' });
export const GradebookResultOne = z.object({ result: GradebookResult }).meta({ id: 'OneRosterResultOne' });

export const ReportingGradebookRpc = {
  /** A page of a OneRoster gradebook collection, or one record (NOT_FOUND when the client may not see it). */
  read: defineRpc<OneRosterPage>()('reporting.oneroster.gradebook.read', GradebookQuery),
} as const;

/** How the municipal performance report groups a school's students. */
export const MunicipalPerformanceGrouping = z.enum(['school', 'class', 'subject']);
export type MunicipalPerformanceGrouping = z.infer<typeof MunicipalPerformanceGrouping>;

export const MunicipalPerformanceQuery = z.object({
  schoolId: Id,
  periodId: Id,
  groupBy: MunicipalPerformanceGrouping,
});
export type MunicipalPerformanceQuery = z.infer<typeof MunicipalPerformanceQuery>;

/** Успеваемость, качество знаний, СОУ and the average mark of a class, a subject or the school (as in the school report). */
export const MunicipalPerformanceGroup = PerformanceIndicatorsView.extend({
  key: z.string().meta({ description: 'Id класса, код предмета или id школы' }),
  title: z.string(),
});
export type MunicipalPerformanceGroup = z.infer<typeof MunicipalPerformanceGroup>;

export const MunicipalPerformance = z
  .object({
    schoolId: Id,
    period: z.object({ id: Id, nameRu: z.string(), start: LocalDate, end: LocalDate }),
    groupBy: MunicipalPerformanceGrouping,
    groups: z.array(MunicipalPerformanceGroup),
    total: PerformanceIndicatorsView,
  })
  .meta({ id: 'MunicipalPerformance' });
export type MunicipalPerformance = z.infer<typeof MunicipalPerformance>;

export const MunicipalAttendanceQuery = z.object({
  schoolId: Id,
  from: LocalDate,
  to: LocalDate,
  /** Only the class-days whose attendance changed after this instant (the previous pull's `cursor`). */
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(10_000),
  offset: z.number().int().min(0),
});
export type MunicipalAttendanceQuery = z.infer<typeof MunicipalAttendanceQuery>;

export const MunicipalAttendanceDay = z.object({
  classId: Id,
  className: z.string(),
  date: LocalDate,
  enrolled: z.number().int().meta({ description: 'Учеников в классе в этот день' }),
  absent: z.number().int().meta({ description: 'Учеников, пропустивших хотя бы один урок' }),
  absentByReason: z
    .object({ illness: z.number().int(), excused: z.number().int(), unexcused: z.number().int(), unspecified: z.number().int() })
    .meta({ description: 'Учеников с пропуском по причине: болезнь, уважительная, неуважительная, причина не указана' }),
  late: z.number().int().meta({ description: 'Учеников, опоздавших хотя бы на один урок' }),
  dateLastModified: z.string(),
});
export type MunicipalAttendanceDay = z.infer<typeof MunicipalAttendanceDay>;

export const MunicipalAttendanceFeed = z
  .object({
    schoolId: Id,
    days: z.array(MunicipalAttendanceDay),
    total: z.number().int(),
    cursor: z
      .string()
      .nullable()
      .meta({ description: 'Передайте как since в следующей выгрузке, когда прочитаны все страницы; null — изменений нет' }),
  })
  .meta({ id: 'MunicipalAttendanceFeed' });
export type MunicipalAttendanceFeed = z.infer<typeof MunicipalAttendanceFeed>;

export const ReportingMunicipalRpc = {
  /** Performance indicators of a school for a period, by class or subject (R-REP-5). */
  performance: defineRpc<MunicipalPerformance>()('reporting.municipal.performance', MunicipalPerformanceQuery),
  /** Absences and lateness per class and day, for the municipal portal, with a cursor for changes since. */
  attendanceFeed: defineRpc<MunicipalAttendanceFeed>()('reporting.municipal.attendance-feed', MunicipalAttendanceQuery),
} as const;
