import { z } from 'zod';
import { Id } from '../common/ids.js';
import { defineRpc } from '../common/rpc-definition.js';
import { type Mark, MarkValue } from './journal.models.js';

/** Why a mark was changed or deleted, when the teacher says it (R-MARK-7). */
export const MarkChangeReason = z
  .string()
  .trim()
  .max(500)
  .nullable()
  .default(null)
  .meta({ description: 'Причина изменения, например «ошибка при выставлении»' });

/** How many pages one question about kinds of work in use may name (one NATS message). */
export const PAGES_PER_WORK_KINDS_QUERY = 1_000;

/** Changes of current marks (R-MARK-4, R-MARK-7): every change is kept in the history, a deletion too. */
export const MarksRpc = {
  /**
   * A new value, kind of work and comment of a mark on the lesson; with `expectedVersion`, a stale edit is refused
   * with the current mark. Late after the lesson's day (R-MARK-3); the page's teacher or the lesson's substitute.
   */
  update: defineRpc<Mark>()(
    'journal.marks.update',
    z.object({
      lessonId: Id,
      markId: Id,
      value: MarkValue,
      workKind: z.string().min(1),
      comment: z.string().trim().max(500).nullable().default(null),
      reason: MarkChangeReason,
      expectedVersion: z.number().int().min(1).optional(),
    }),
  ),
  /**
   * Deletes a mark: it leaves averages and views and stays in the history with who, when and why (R-MARK-7). Answers
   * the mark's last version, the deletion's.
   */
  delete: defineRpc<{ markId: string; version: number }>()(
    'journal.marks.delete',
    z.object({ lessonId: Id, markId: Id, reason: MarkChangeReason, expectedVersion: z.number().int().min(1).optional() }),
  ),
  /**
   * Of the given kinds of work, those that marks on the given pages have, deleted marks included (system actor only):
   * identity asks before a school removes a kind.
   */
  workKindsUsed: defineRpc<{ workKinds: string[] }>()(
    'journal.marks.work-kinds-used',
    z.object({ pageIds: z.array(Id).max(PAGES_PER_WORK_KINDS_QUERY), workKinds: z.array(z.string().min(1)).max(100) }),
  ),
} as const;
