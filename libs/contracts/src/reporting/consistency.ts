import { z } from 'zod';
import { Id } from '../common/ids.js';
import { defineRpc } from '../common/rpc-definition.js';

/** The services whose own counts the read model is compared with (issue 6, item 7). */
export const ConsistencySource = z.enum(['identity', 'planning', 'journal', 'attendance']);
export type ConsistencySource = z.infer<typeof ConsistencySource>;

/**
 * Totals of one school, by measure: `<source>.<what>`, e.g. `journal.marks`, `attendance.absent.illness`. A measure
 * a side does not name counts 0.
 */
export type ConsistencyCounts = Record<string, number>;

/** One measure on which a source service and the read model disagree. */
export const ConsistencyDifference = z.object({
  schoolId: Id,
  source: ConsistencySource,
  what: z.string().meta({ description: 'Показатель, например journal.marks (отметки), attendance.absent.illness' }),
  sourceCount: z.number().int().meta({ description: 'Сколько насчитал сам сервис-источник' }),
  readModelCount: z.number().int().meta({ description: 'Сколько насчитала отчётная модель (reporting)' }),
});
export type ConsistencyDifference = z.infer<typeof ConsistencyDifference>;

/** The answer of a consistency check: every difference found, after the read model had caught up with the stream. */
export const ConsistencyReport = z.object({
  checkedAt: z.iso.datetime({ offset: true }),
  backlog: z.number().int().meta({
    description: 'События, ещё не применённые к отчётной модели в момент проверки: расхождение при backlog > 0 может быть задержкой',
  }),
  schools: z.array(z.object({ schoolId: Id, measures: z.number().int() })),
  differences: z.array(ConsistencyDifference),
});
export type ConsistencyReport = z.infer<typeof ConsistencyReport>;

const OfSchool = z.object({ schoolId: Id });
/** Journal and attendance keep no school of their own on a mark or an entry: they count on the school's pages. */
const OfSchoolPages = z.object({ schoolId: Id, pageIds: z.array(Id) });

/**
 * The consistency check of the read model (issue 6, item 7). The sources' count RPCs answer the system actor only;
 * the check runs in reporting, for the system or a person the gateway let through (`consistency.read`).
 */
export const ConsistencyRpc = {
  /** Every school identity has. */
  schools: defineRpc<{ schoolIds: string[] }>()('identity.consistency.schools', z.object({})),
  /** Identity's totals of a school, and its pages (journal and attendance count on them). */
  identityCounts: defineRpc<{ counts: ConsistencyCounts; pageIds: string[] }>()('identity.consistency.counts', OfSchool),
  planningCounts: defineRpc<{ counts: ConsistencyCounts }>()('planning.consistency.counts', OfSchool),
  journalCounts: defineRpc<{ counts: ConsistencyCounts }>()('journal.consistency.counts', OfSchoolPages),
  attendanceCounts: defineRpc<{ counts: ConsistencyCounts }>()('attendance.consistency.counts', OfSchoolPages),
  /** The same totals from the read model. */
  readModelCounts: defineRpc<{ counts: ConsistencyCounts }>()('reporting.consistency.counts', OfSchool),
  /**
   * Compares each source's totals with the read model's, for one school or (without `schoolId`, the system only)
   * every school. Waits up to `waitMs` for the read model to catch up first.
   */
  check: defineRpc<ConsistencyReport>()(
    'reporting.consistency.check',
    z.object({ schoolId: Id.optional(), waitMs: z.number().int().min(0).max(60_000).optional() }),
  ),
} as const;
