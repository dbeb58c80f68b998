import { z } from 'zod';
import { Id } from '../common/ids.js';
import { defineRpc } from '../common/rpc-definition.js';
import { AcademicYear, Period } from './planning.models.js';

export const PeriodLogAction = z.enum(['closed', 'reopened']);
export type PeriodLogAction = z.infer<typeof PeriodLogAction>;

/** One closing or reopening of a period: who, when, which period, why (R-MARK-7: nothing changes unrecorded). */
export const PeriodLogEntry = z
  .object({
    id: z.string().meta({ description: 'Номер записи журнала (растёт со временем)' }),
    schoolId: Id,
    yearId: Id,
    periodId: Id,
    periodNameRu: z.string(),
    action: PeriodLogAction,
    reason: z.string().nullable(),
    actorId: Id.nullable().meta({ description: 'Кто закрыл или открыл (null — система)' }),
    at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'PeriodLogEntry' });
export type PeriodLogEntry = z.infer<typeof PeriodLogEntry>;

export const PeriodReasonInput = z
  .object({ reason: z.string().trim().min(1).max(1_000).optional().meta({ description: 'Основание (приказ, служебная записка)' }) })
  .meta({ id: 'PeriodReasonInput' });

export const YearList = z.object({ years: z.array(AcademicYear) }).meta({ id: 'YearList' });
export type YearList = z.infer<typeof YearList>;

export const PeriodLog = z.object({ entries: z.array(PeriodLogEntry) }).meta({ id: 'PeriodLog' });
export type PeriodLog = z.infer<typeof PeriodLog>;

const PeriodOfSchool = { schoolId: Id, periodId: Id };

/**
 * Request/reply subjects of the school years' periods: the deputy director (or the director) closes a period and
 * the deputy reopens it, each time logged; journal and attendance then refuse edits in it (PERIOD_CLOSED).
 */
export const PeriodsRpc = {
  /** The school's years with their periods, breaks and days off, earliest first. */
  years: defineRpc<YearList>()('planning.periods.years', z.object({ schoolId: Id })),
  /** Closes a period of the school; closing a closed one changes nothing and logs nothing. */
  close: defineRpc<Period>()('planning.periods.close', PeriodReasonInput.extend(PeriodOfSchool)),
  /** Reopens a closed period of the school; reopening an open one changes nothing and logs nothing. */
  reopen: defineRpc<Period>()('planning.periods.reopen', PeriodReasonInput.extend(PeriodOfSchool)),
  /** Every closing and reopening of the periods of a year, newest first. */
  log: defineRpc<PeriodLog>()('planning.periods.log', z.object({ schoolId: Id, yearId: Id })),
} as const;
