import { z } from 'zod';
import { defineEvent } from '../common/rpc-definition.js';
import { FinalResult } from './final-results.models.js';

export const FinalResultEvents = {
  /** Period or year results as they are now (a taken-back one with value null); for reports and the e-diary. */
  resultsSaved: defineEvent(
    'events.journal.final-results-saved.v1',
    z.object({
      results: z.array(FinalResult),
      /** Loaded from another system or an export (R-DATA-2): history, not news — nobody is notified of them. */
      imported: z.boolean().optional(),
    }),
  ),
} as const;
