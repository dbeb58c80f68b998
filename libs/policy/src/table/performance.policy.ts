import type { ActionPolicy } from '../policy-rule.js';
import { MANAGEMENT } from './roles.js';

/**
 * The school report of performance (R-REP-2): the school's management reads it (the deputy and the director; the
 * coordinator, who reads everything in the school, too). The class period summary (R-REP-1) is `classes.summary.read`.
 */
export const PERFORMANCE_POLICY = {
  'schools.performance.read': {
    resource: 'school',
    rules: [{ roles: MANAGEMENT, in: 'resource-school' }],
    visibleWith: 'schools.read',
  },
} as const satisfies Record<string, ActionPolicy>;
