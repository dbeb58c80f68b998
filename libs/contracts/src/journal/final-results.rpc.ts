import { z } from 'zod';
import { Id } from '../common/ids.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { ResultHistory, TermResultRow, TermResults } from './final-results.models.js';
import { ResultInput, ResultTerm } from './final-results.models.js';

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
} as const;
