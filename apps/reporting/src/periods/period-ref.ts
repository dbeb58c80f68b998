import { DomainError, ErrorCode, type PeriodRef } from '#contracts';
import type { z } from 'zod';

/** The period columns of a lookup joined as `pr` and selected with these aliases. */
export interface PeriodColumns {
  period_id: string | null;
  period_name: string | null;
  period_start: string | null;
  period_end: string | null;
}

/** Select list for a lateral period lookup joined as `pr`. */
export const PERIOD_SELECT =
  'pr.id AS period_id, pr.name_ru AS period_name, pr.start_date AS period_start, pr.end_date AS period_end';

/** The period found, or NOT_FOUND: no period of that class on that date, or no such period. */
export function toPeriodRef(
  row: PeriodColumns,
  asked: { date: string; periodId?: string | undefined },
): z.infer<typeof PeriodRef> {
  if (row.period_id === null || row.period_name === null || row.period_start === null || row.period_end === null) {
    const details = asked.periodId ? { periodId: asked.periodId } : { date: asked.date };
    throw new DomainError(ErrorCode.NotFound, 'Учебный период не найден', details);
  }
  return { id: row.period_id, nameRu: row.period_name, start: row.period_start, end: row.period_end };
}
