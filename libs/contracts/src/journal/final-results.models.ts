import { z } from 'zod';
import { Average } from '../common/average.js';
import { Id, SubjectCode } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { Person } from '../identity/identity.models.js';
import { MarkValue } from './journal.models.js';

/** Non-numeric results (R-MARK-1): not-attested — н/а, pass — зачёт, fail — незачёт, exempt — осв. */
export const ResultWord = z.enum(['not-attested', 'pass', 'fail', 'exempt']);
export type ResultWord = z.infer<typeof ResultWord>;

/** A period or year result: a mark of the school's scale or one of the words (R-MARK-1). */
export const ResultValue = z.union([MarkValue, ResultWord]).meta({
  id: 'ResultValue',
  description: 'Отметка 1–5 или: not-attested — н/а, pass — зачёт, fail — незачёт (безотметочные предметы), exempt — осв.',
  example: 4,
});
export type ResultValue = z.infer<typeof ResultValue>;

/** What a result is for: a period of the year (четверть, полугодие, триместр) or the whole year. */
export const ResultTerm = z.enum(['period', 'year']);
export type ResultTerm = z.infer<typeof ResultTerm>;

/**
 * One student's result for one subject in a period or a year; there is at most one per student, subject and term,
 * whatever class they were in (R-CAL-4). A result taken back stays as a version with no value (R-MARK-7).
 */
export const FinalResult = z
  .object({
    id: Id,
    term: ResultTerm,
    termId: Id.meta({ description: 'Период (term = period) или учебный год (term = year)' }),
    schoolId: Id,
    studentId: Id,
    subjectCode: SubjectCode,
    pageId: Id.meta({ description: 'Страница журнала, на которой результат выставлен (последним изменением)' }),
    value: ResultValue.nullable().meta({ description: 'null — результат снят' }),
    label: z.string().nullable().meta({ description: 'Как в бумажном журнале: «4», «н/а», «зачёт», «незачёт», «осв.»' }),
    version: z.number().int().min(1),
    setBy: Id.nullable().meta({ description: 'Кто выставил или изменил (null — система)' }),
    setAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'FinalResult' });
export type FinalResult = z.infer<typeof FinalResult>;

/** A student's days on a page of the subject within the term: two entries for a student transferred mid-term. */
export const ResultPageDays = z.object({
  pageId: Id,
  classId: Id,
  className: z.string(),
  from: LocalDate,
  to: LocalDate,
});
export type ResultPageDays = z.infer<typeof ResultPageDays>;

/** A period result the year's proposal is computed from. */
export const PeriodResultOfYear = z.object({
  periodId: Id,
  nameRu: z.string(),
  value: ResultValue.nullable(),
  label: z.string().nullable(),
});
export type PeriodResultOfYear = z.infer<typeof PeriodResultOfYear>;

/**
 * One student of a page's result list: the exact average and the proposal that guide the teacher (R-MARK-5,
 * R-MARK-6), the result, and whether it differs from the proposal (the deputy sees those).
 */
export const TermResultRow = z
  .object({
    student: Person,
    days: z.array(ResultPageDays).meta({ description: 'Где ученик был по этому предмету в течение периода (перевод — две записи)' }),
    counted: z
      .number()
      .int()
      .meta({ description: 'Сколько отметок учтено в среднем (за год — числовых итогов периодов)' }),
    average: Average.nullable().meta({ description: 'Точный средний балл и предлагаемая отметка; null — отметок нет' }),
    periodResults: z.array(PeriodResultOfYear).optional().meta({ description: 'Только для года: итоги периодов' }),
    result: FinalResult.nullable(),
    deviates: z.boolean().meta({ description: 'Результат отличается от предложенной отметки' }),
  })
  .meta({ id: 'TermResultRow' });
export type TermResultRow = z.infer<typeof TermResultRow>;

export const ResultTermInfo = z.object({
  kind: ResultTerm,
  id: Id,
  nameRu: z.string(),
  start: LocalDate,
  end: LocalDate,
  closed: z.boolean().meta({ description: 'Период закрыт (для года — закрыт последний период параллели): изменения не допускаются' }),
});
export type ResultTermInfo = z.infer<typeof ResultTermInfo>;

/** The results of a page for a period or a year, for those whose result the page owns (R-CAL-4). */
export const TermResults = z
  .object({
    pageId: Id,
    className: z.string(),
    subjectCode: SubjectCode,
    subjectName: z.string(),
    marked: z.boolean().meta({ description: 'Отметочный предмет; безотметочный — зачёт/незачёт' }),
    scale: z.object({ min: z.number().int(), max: z.number().int() }),
    term: ResultTermInfo,
    students: z.array(TermResultRow),
  })
  .meta({ id: 'TermResults' });
export type TermResults = z.infer<typeof TermResults>;

export const ResultInput = z
  .object({
    value: ResultValue.nullable().meta({ description: 'Результат; null — снять выставленный' }),
    reason: z.string().trim().min(1).max(1_000).optional().meta({ description: 'Основание изменения (попадёт в историю)' }),
  })
  .meta({ id: 'ResultInput' });
export type ResultInput = z.infer<typeof ResultInput>;

/** One change of a result: who (the real actor), when, the value before and after, why (R-MARK-7). */
export const ResultChange = z
  .object({
    id: z.string().meta({ description: 'Номер записи истории (растёт со временем)' }),
    studentId: Id,
    action: z.enum(['created', 'updated', 'deleted']),
    oldValue: FinalResult.nullable(),
    newValue: FinalResult.nullable(),
    actorId: Id.nullable(),
    at: z.iso.datetime({ offset: true }),
    reason: z.string().nullable(),
  })
  .meta({ id: 'ResultChange' });
export type ResultChange = z.infer<typeof ResultChange>;

export const ResultHistory = z.object({ changes: z.array(ResultChange) }).meta({ id: 'ResultHistory' });
export type ResultHistory = z.infer<typeof ResultHistory>;
