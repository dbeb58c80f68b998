import { z } from 'zod';
import { Id, SubjectCode } from '../common/ids.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { ResultHistory, TermResultRow, TermResults } from './final-results.models.js';
import { ResultInput, ResultTerm, ResultValue } from './final-results.models.js';

const PageTerm = { pageId: Id, term: ResultTerm, termId: Id };

/**
 * Period and year results of a page (R-MARK-1, R-MARK-6, R-CAL-4): whoever reads the page reads them with the exact
 * averages and proposals; the page's teacher sets them; a closed period refuses every change (PERIOD_CLOSED).
 */
export const FinalResultsRpc = {
  /** The students whose result the page owns for the term, each with average, proposal, result and deviation flag. */
  list: defineRpc<TermResults>()('journal.results.list', z.object(PageTerm)),
  /** Sets (or, with null, takes back) a student's result; `expectedVersion` 0 expects none yet (VERSION_CONFLICT). */
  set: defineRpc<TermResultRow>()(
    'journal.results.set',
    ResultInput.extend({ ...PageTerm, studentId: Id, expectedVersion: z.number().int().min(0).optional() }),
  ),
  /** Every change of the page's results for the term, oldest first (R-MARK-7). */
  history: defineRpc<ResultHistory>()('journal.results.history', z.object(PageTerm)),
  /**
   * Loads results as they were set in another system or on paper (R-DATA-2), system actor only: each is recorded as
   * set by its teacher at its time, with its history; a result the journal already holds is left as it is.
   */
  importResults: defineRpc<{ imported: number; skipped: number }>()(
    'journal.results.import',
    z.object({
      schoolId: Id,
      results: z
        .array(
          z.object({
            term: ResultTerm,
            termId: Id,
            studentId: Id,
            subjectCode: SubjectCode,
            pageId: Id,
            value: ResultValue,
            setBy: Id.nullable(),
            setAt: z.iso.datetime({ offset: true }),
          }),
        )
        .min(1)
        .max(5_000),
    }),
  ),
} as const;
