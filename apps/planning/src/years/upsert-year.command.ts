import type { z } from 'zod';
import type { PlanningRpc } from '#contracts';

/** The upsertYear request after validation: defaults applied. */
export type UpsertYearCommand = z.output<typeof PlanningRpc.upsertYear.request>;
export type PeriodInput = UpsertYearCommand['periods'][number];
