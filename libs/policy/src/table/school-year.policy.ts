import type { ActionPolicy } from '../policy-rule.js';
import { MANAGEMENT } from './roles.js';

const TEACHERS_AND_MANAGEMENT = { roles: ['teacher', ...MANAGEMENT], in: 'resource-school' } as const;
const SCHOOL_MANAGEMENT = { roles: MANAGEMENT, in: 'resource-school' } as const;
const DEPUTY_OR_DIRECTOR = { roles: ['deputy', 'director'], in: 'resource-school' } as const;

/**
 * The school year (R-CAL-1) and the curriculum (R-MARK-1, R-CAL-3), about the school they belong to. Teachers and the
 * management read them; the deputy director or the director closes a period and keeps the curriculum; only the
 * deputy reopens a closed period. Who closed and reopened, and who changed the plan, is read by the management.
 */
export const SCHOOL_YEAR_POLICY = {
  'years.read': { resource: 'school', rules: [TEACHERS_AND_MANAGEMENT], visibleWith: 'schools.read' },
  'periods.close': { resource: 'school', rules: [DEPUTY_OR_DIRECTOR], visibleWith: 'schools.read' },
  'periods.reopen': { resource: 'school', rules: [{ roles: ['deputy'], in: 'resource-school' }], visibleWith: 'schools.read' },
  'periods.log.read': { resource: 'school', rules: [SCHOOL_MANAGEMENT], visibleWith: 'schools.read' },
  'curriculum.read': { resource: 'school', rules: [TEACHERS_AND_MANAGEMENT], visibleWith: 'schools.read' },
  'curriculum.write': { resource: 'school', rules: [DEPUTY_OR_DIRECTOR], visibleWith: 'schools.read' },
  'curriculum.log.read': { resource: 'school', rules: [SCHOOL_MANAGEMENT], visibleWith: 'schools.read' },
} as const satisfies Record<string, ActionPolicy>;
