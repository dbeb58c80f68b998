import type { ActionPolicy } from '../policy-rule.js';

/**
 * The consistency check of the read model (issue 6, item 7): the school's system administrator and its coordinator
 * compare the reports' totals with the services' own counts. The whole-system check and the rebuild are commands of
 * the system, not routes.
 */
export const CONSISTENCY_POLICY = {
  'consistency.read': {
    resource: 'school',
    rules: [{ roles: ['sysadmin', 'coordinator'], in: 'resource-school' }],
    visibleWith: 'schools.read',
  },
} as const satisfies Record<string, ActionPolicy>;
