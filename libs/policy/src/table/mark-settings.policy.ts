import type { ActionPolicy } from '../policy-rule.js';

/** The school's administration: its deputy director, director and system administrator (issue 5). */
const ADMINISTRATION = { roles: ['deputy', 'director', 'sysadmin'], in: 'resource-school' } as const;

/**
 * The school's mark scale and kinds of work with their weights (R-MARK-1, R-MARK-4): the administration reads, changes
 * and reads the log of changes; the coordinator reads them too. Teachers read the kinds through
 * `schools.work-kinds.read`; the school's staff see the school (403), anyone else does not (404).
 */
export const MARK_SETTINGS_POLICY = {
  'schools.mark-settings.read': {
    resource: 'school',
    rules: [ADMINISTRATION, { roles: ['coordinator'], in: 'resource-school' }],
    visibleWith: 'schools.read',
  },
  'schools.mark-settings.write': { resource: 'school', rules: [ADMINISTRATION], visibleWith: 'schools.read' },
  'schools.mark-settings.log.read': {
    resource: 'school',
    rules: [ADMINISTRATION, { roles: ['coordinator'], in: 'resource-school' }],
    visibleWith: 'schools.read',
  },
} as const satisfies Record<string, ActionPolicy>;
