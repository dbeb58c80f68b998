import type { ActionPolicy } from '../policy-rule.js';
import { MANAGEMENT } from './roles.js';

const SCHOOL_MANAGEMENT = { roles: MANAGEMENT, in: 'resource-school' } as const;

/**
 * Calendar-thematic plans (КТП, R-PLAN-1…3) and the schedule of assessments (letter СК-228/03). A page's plan is read by
 * whoever reads the page (a substitute reads it through the lesson they take) and written by the page's current
 * teacher, the deputy director and the director. The coordinator, the deputy and the director follow the school's
 * plans against the 10 September deadline. The schedule of assessments is published: every teacher and the management
 * of the school read it.
 */
export const PLANS_POLICY = {
  'plans.read': {
    resource: 'page',
    rules: [
      { roles: ['teacher'], in: 'resource-school', relations: ['page-teacher-ever', 'lesson-substitute', 'class-teacher'] },
      SCHOOL_MANAGEMENT,
    ],
  },
  'plans.write': {
    resource: 'page',
    rules: [
      { roles: ['teacher'], in: 'resource-school', relations: ['page-teacher'] },
      { roles: ['deputy', 'director'], in: 'resource-school' },
    ],
    visibleWith: 'plans.read',
  },
  'schools.plans.read': { resource: 'school', rules: [SCHOOL_MANAGEMENT], visibleWith: 'schools.read' },
  /** Identity's list of a school's pages with their teachers' names (for the list above): the school's staff. */
  'schools.pages.list': {
    resource: 'school',
    rules: [{ roles: ['teacher', ...MANAGEMENT], in: 'resource-school' }],
    visibleWith: 'schools.read',
  },
  'classes.assessments.read': {
    resource: 'class',
    rules: [{ roles: ['teacher', ...MANAGEMENT], in: 'resource-school' }],
  },
} as const satisfies Record<string, ActionPolicy>;
