import { z } from 'zod';
import { Id } from '../common/ids.js';
import { defineRpc } from '../common/rpc-definition.js';
import { WorkKind } from './identity.models.js';
import { LogPage } from './log-page.js';

const MarkScaleMin = z
  .union([z.literal(1), z.literal(2)])
  .meta({ description: 'Низшая отметка шкалы: 2 (шкала 2–5) или 1, если школа её разрешает (R-MARK-1)' });

/** A kind of work as the administration sets it: without a weight it counts once (R-MARK-4). */
export const WorkKindInput = WorkKind.extend({
  weight: WorkKind.shape.weight
    .refine((weight) => Number(weight) > 0, 'Вес должен быть больше нуля')
    .default('1')
    .meta({ description: 'Вес отметок этого вида в среднем балле; без веса — 1' }),
});

/** The school's mark scale and kinds of work with their weights (R-MARK-1, R-MARK-4). ETag: `version`. */
export const MarkSettings = z
  .object({
    schoolId: Id,
    markScaleMin: MarkScaleMin,
    workKinds: z.array(WorkKind),
    version: z.number().int().min(1),
  })
  .meta({ id: 'MarkSettings' });
export type MarkSettings = z.infer<typeof MarkSettings>;

/**
 * The whole new list: a kind is known by its code; a kind that marks have may be renamed and reweighted but not
 * left out. A weight applies to every mark of its kind, also those entered before the change.
 */
export const MarkSettingsInput = z
  .object({
    markScaleMin: MarkScaleMin,
    workKinds: z.array(WorkKindInput).min(1).max(50),
    reason: z.string().trim().max(500).nullable().default(null).meta({ description: 'Основание, например приказ' }),
  })
  .meta({ id: 'MarkSettingsInput' });
export type MarkSettingsInput = z.infer<typeof MarkSettingsInput>;

const MarkSettingsValue = z.object({ markScaleMin: MarkScaleMin, workKinds: z.array(WorkKind) });

/** One change of the school's mark settings: who, when, before and after, why (an append-only log). */
export const MarkSettingsChange = z
  .object({
    id: z.string(),
    at: z.iso.datetime({ offset: true }),
    /** Null for the system (a school loaded again with other settings). */
    actorId: Id.nullable(),
    actorName: z.string().nullable(),
    oldValue: MarkSettingsValue,
    newValue: MarkSettingsValue,
    reason: z.string().nullable(),
  })
  .meta({ id: 'MarkSettingsChange' });
export type MarkSettingsChange = z.infer<typeof MarkSettingsChange>;

/** The school's administration reads and changes the mark scale and the kinds of work (identity keeps them). */
export const MarkSettingsRpc = {
  get: defineRpc<MarkSettings>()('identity.mark-settings.get', z.object({ schoolId: Id })),
  set: defineRpc<MarkSettings>()(
    'identity.mark-settings.set',
    MarkSettingsInput.extend({ schoolId: Id, expectedVersion: z.number().int().min(1).optional() }),
  ),
  log: defineRpc<{ entries: MarkSettingsChange[]; next: string | null }>()(
    'identity.mark-settings.log',
    LogPage.extend({ schoolId: Id }),
  ),
} as const;
