import type { ActionPolicy } from '../policy-rule.js';
import { MANAGEMENT, STAFF } from './roles.js';

/** The school's deputy director and director keep the timetable (R-PLAN-3). */
const SCHOOL_LEADERS = { roles: ['deputy', 'director'], in: 'resource-school' } as const;

/**
 * The weekly timetable and bells, and the lesson calendar (R-PLAN-3): one-off changes on a date (a lesson cancelled or moved, an extra lesson), the
 * regeneration of the calendar after the weekly timetable changed, and the log of changes the management reads.
 * Those who read the page (or the school) are refused visibly (403); anyone else sees nothing (404).
 */
export const TIMETABLE_POLICY = {
  'lessons.reschedule': { resource: 'page', rules: [SCHOOL_LEADERS], visibleWith: 'lessons.read' },
  'schools.timetable.regenerate': { resource: 'school', rules: [SCHOOL_LEADERS], visibleWith: 'schools.read' },
  /** The weekly timetable of a class: the school's teachers and management read it. */
  'classes.timetable.read': { resource: 'class', rules: [{ roles: ['teacher', ...MANAGEMENT], in: 'resource-school' }] },
  'classes.timetable.write': { resource: 'class', rules: [SCHOOL_LEADERS], visibleWith: 'classes.timetable.read' },
  'schools.bells.read': { resource: 'school', rules: [{ roles: STAFF, in: 'resource-school' }] },
  'schools.bells.write': { resource: 'school', rules: [SCHOOL_LEADERS], visibleWith: 'schools.bells.read' },
  'schools.lesson-changes.read': { resource: 'school', rules: [{ roles: MANAGEMENT, in: 'resource-school' }], visibleWith: 'schools.read' },
} as const satisfies Record<string, ActionPolicy>;
