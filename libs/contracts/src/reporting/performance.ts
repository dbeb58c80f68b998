import { z } from 'zod';
import { Average } from '../common/average.js';
import { Id, SubjectCode } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { PersonName } from '../common/person-name.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { ExportedFile } from '../planning/thematic-plan.models.js';
import { PeriodRef, ShownResult } from './reporting.models.js';

/** The file formats of the performance reports besides JSON. */
export const ReportFileFormat = z.enum(['xlsx', 'pdf']);
export type ReportFileFormat = z.infer<typeof ReportFileFormat>;

const Percent = z.string().nullable().meta({ description: 'Процент с одним знаком, округлённый вверх от половины один раз; null — некого считать' });

/** Успеваемость, качество знаний, СОУ and the average mark of a set of students (R-REP-1, R-REP-2). */
export const PerformanceIndicatorsView = z
  .object({
    students: z.number().int().meta({ description: 'Учащихся с отметками (в расчёт долей)' }),
    excellent: z.number().int().meta({ description: 'Отличников (только «5»)' }),
    good: z.number().int().meta({ description: 'Хорошистов («4» и «5»)' }),
    oneThree: z.number().int().meta({ description: 'С одной «3»' }),
    satisfactory: z.number().int(),
    failing: z.number().int().meta({ description: 'Неуспевающих («2», «1», н/а, незачёт)' }),
    marks: z.object({
      five: z.number().int(),
      four: z.number().int(),
      three: z.number().int(),
      two: z.number().int(),
      one: z.number().int(),
      notAttested: z.number().int(),
    }),
    passRate: Percent.meta({ description: 'Успеваемость, %' }),
    quality: Percent.meta({ description: 'Качество знаний, %' }),
    sou: Percent.meta({ description: 'СОУ, %' }),
    averageMark: z.string().nullable().meta({ description: 'Средний балл, два знака' }),
  })
  .meta({ id: 'ReportIndicators' });
export type PerformanceIndicatorsView = z.infer<typeof PerformanceIndicatorsView>;

export const PerformanceCategoryView = z.enum(['excellent', 'good', 'one-three', 'satisfactory', 'failing', 'not-assessed']);

const StudentRef = z.object({ studentId: Id, name: PersonName });

/** The class period summary (сводная ведомость, R-REP-1). */
export const ClassPeriodReport = z
  .object({
    classId: Id,
    className: z.string(),
    schoolName: z.string(),
    period: PeriodRef,
    heldUntil: LocalDate.meta({ description: 'Пропуски посчитаны по этот день включительно' }),
    subjects: z.array(z.object({ code: SubjectCode, nameRu: z.string() })),
    students: z.array(
      StudentRef.extend({
        counted: z.boolean().meta({ description: 'Учитывается в показателях класса (в классе на конец периода)' }),
        category: PerformanceCategoryView,
        subjects: z.array(
          z.object({
            subjectCode: SubjectCode,
            marksCount: z.number().int(),
            average: Average.nullable(),
            result: ShownResult.nullable(),
            counted: ShownResult.nullable().meta({ description: 'Отметка в расчёте: итоговая, а если её нет — предлагаемая' }),
            countedFrom: z.enum(['result', 'proposal']).nullable(),
          }),
        ),
        absences: z.object({
          lessons: z.number().int().meta({ description: 'Уроков проведено' }),
          missed: z.number().int().meta({ description: 'Пропущено уроков' }),
          excused: z.number().int().meta({ description: 'По уважительной причине (болезнь, уважительная)' }),
          unexcused: z.number().int(),
          unspecified: z.number().int().meta({ description: 'Причина не указана' }),
          late: z.number().int(),
        }),
      }),
    ),
    indicators: z.object({
      class: PerformanceIndicatorsView,
      subjects: z.array(PerformanceIndicatorsView.extend({ subjectCode: SubjectCode })),
    }),
    lists: z.object({
      excellent: z.array(StudentRef),
      good: z.array(StudentRef),
      oneThree: z.array(StudentRef.extend({ subjectCodes: z.array(SubjectCode).meta({ description: 'Предмет с «3»' }) })),
      failing: z.array(StudentRef.extend({ subjectCodes: z.array(SubjectCode).meta({ description: 'Предметы с «2», н/а, незачётом' }) })),
    }),
  })
  .meta({ id: 'ClassPeriodReport' });
export type ClassPeriodReport = z.infer<typeof ClassPeriodReport>;

/** A row of the school report: this period's indicators, the compared period's, and the change. */
export const PerformanceRow = z
  .object({
    key: z.string().meta({ description: 'Ключ строки для сравнения периодов: grade:5, class:5А, subject:math, teacher:<id>' }),
    label: z.string(),
    current: PerformanceIndicatorsView.nullable(),
    previous: PerformanceIndicatorsView.nullable(),
    difference: z
      .object({ passRate: z.string().nullable(), quality: z.string().nullable(), sou: z.string().nullable(), averageMark: z.string().nullable() })
      .nullable()
      .meta({ description: 'Изменение к сравниваемому периоду (со знаком); null без сравнения' }),
  })
  .meta({ id: 'PerformanceRow' });
export type PerformanceRow = z.infer<typeof PerformanceRow>;

/** The school report by parallel, class, subject and teacher for a period, comparable with another (R-REP-2). */
export const SchoolPerformance = z
  .object({
    schoolId: Id,
    schoolName: z.string(),
    period: PeriodRef,
    comparedWith: PeriodRef.nullable(),
    total: PerformanceRow,
    grades: z.array(PerformanceRow),
    classes: z.array(PerformanceRow),
    subjects: z.array(PerformanceRow),
    teachers: z.array(PerformanceRow),
  })
  .meta({ id: 'SchoolPerformance' });
export type SchoolPerformance = z.infer<typeof SchoolPerformance>;

const ClassReportRequest = z.object({ classId: Id, periodId: Id });
const SchoolReportRequest = z.object({ schoolId: Id, periodId: Id, compareWith: Id.optional() });

/** The performance reports, from the read model; callers check who may read them. */
export const PerformanceRpc = {
  classReport: defineRpc<ClassPeriodReport>()('reporting.performance.class', ClassReportRequest),
  classReportFile: defineRpc<ExportedFile>()('reporting.performance.class-file', ClassReportRequest.extend({ format: ReportFileFormat })),
  schoolReport: defineRpc<SchoolPerformance>()('reporting.performance.school', SchoolReportRequest),
  schoolReportFile: defineRpc<ExportedFile>()(
    'reporting.performance.school-file',
    SchoolReportRequest.extend({ format: ReportFileFormat }),
  ),
} as const;
