import { z } from 'zod';
import { AcademicYearLabel, Grade, Id, SubjectCode } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { PersonName } from '../common/person-name.js';
import { defineRpc } from '../common/rpc-definition.js';
import { type ExportedFile, ExportFormat } from './thematic-plan.models.js';

const Hours = z.number().int();

/** Planned against conducted hours of one page over a period or the year (R-PLAN-3). */
export const PageDelivery = z.object({
  pageId: Id,
  classId: Id,
  className: z.string(),
  grade: Grade,
  subjectCode: SubjectCode,
  subjectName: z.string(),
  groupName: z.string().nullable(),
  teachers: z.array(z.object({ id: Id, name: PersonName })),
  hasPlan: z.boolean().meta({ description: 'У страницы есть КТП' }),
  plannedHours: Hours.meta({ description: 'Часы тем КТП, приходящиеся на период (год)' }),
  conductedLessons: Hours.meta({ description: 'Проведено уроков: тема записана, урок не отменён' }),
  linkedLessons: Hours.meta({ description: 'Из них связаны с темами КТП' }),
  difference: Hours.meta({ description: 'Проведено минус запланировано: отставание отрицательно' }),
});
export type PageDelivery = z.infer<typeof PageDelivery>;

export const SchoolDelivery = z
  .object({
    schoolId: Id,
    academicYear: AcademicYearLabel,
    span: z.object({ kind: z.enum(['period', 'year']), id: Id, nameRu: z.string(), start: LocalDate, end: LocalDate }),
    totals: z.object({ plannedHours: Hours, conductedLessons: Hours, linkedLessons: Hours, difference: Hours }),
    pages: z.array(PageDelivery),
  })
  .meta({ id: 'SchoolDelivery' });
export type SchoolDelivery = z.infer<typeof SchoolDelivery>;

const DeliveryQuery = z.object({
  schoolId: Id,
  /** A period: the pages of the grades it is for. Without it, `yearId` (default: the year going on today). */
  periodId: Id.optional(),
  yearId: Id.optional(),
});

/** Planned against delivered hours of every page of a school (R-PLAN-3, issue 6); the school's management reads it. */
export const PlanDeliveryRpc = {
  ofSchool: defineRpc<SchoolDelivery>()('planning.plans.school-delivery', DeliveryQuery),
  file: defineRpc<ExportedFile>()('planning.plans.school-delivery-file', DeliveryQuery.extend({ format: ExportFormat.default('xlsx') })),
} as const;
