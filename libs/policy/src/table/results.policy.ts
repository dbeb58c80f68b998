import type { ActionPolicy } from '../policy-rule.js';
import { JOURNAL_POLICY } from './journal.policy.js';
import { MANAGEMENT } from './roles.js';

/**
 * Period and year results (R-MARK-1, R-MARK-6): whoever reads a page reads its results with the averages and
 * proposals; the page's teacher of today sets them (the management follows them, it does not set them); the school's
 * management reads the list of results that differ from the proposal.
 */
export const RESULTS_POLICY = {
  'results.read': { resource: 'page', rules: JOURNAL_POLICY['lessons.read'].rules },
  'results.write': {
    resource: 'page',
    rules: [{ roles: ['teacher'], in: 'resource-school', relations: ['page-teacher'] }],
    visibleWith: 'results.read',
  },
  'results.deviations.read': {
    resource: 'school',
    rules: [{ roles: MANAGEMENT, in: 'resource-school' }],
    visibleWith: 'schools.read',
  },
} as const satisfies Record<string, ActionPolicy>;
