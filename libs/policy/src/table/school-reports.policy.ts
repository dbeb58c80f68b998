import type { ActionPolicy } from '../policy-rule.js';
import { MANAGEMENT } from './roles.js';

const SCHOOL_MANAGEMENT = { roles: MANAGEMENT, in: 'resource-school' } as const;

/**
 * The school's control reports (issue 6): completeness and timeliness of the journal (R-REP-3) and attendance by class,
 * student and reason (R-ATT-1) — the coordinator, the deputy director and the director of the school. A class's
 * printed attendance sheet follows `classes.attendance.read` (also the class teacher); planned against delivered hours
 * of the school follows `schools.plans.read`.
 */
export const SCHOOL_REPORTS_POLICY = {
  'reports.completeness.read': { resource: 'school', rules: [SCHOOL_MANAGEMENT], visibleWith: 'schools.read' },
  'reports.attendance.read': { resource: 'school', rules: [SCHOOL_MANAGEMENT], visibleWith: 'schools.read' },
} as const satisfies Record<string, ActionPolicy>;
