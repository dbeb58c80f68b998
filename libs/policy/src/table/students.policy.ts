import type { ActionPolicy } from '../policy-rule.js';
import { MANAGEMENT } from './roles.js';

const READ_STUDENT = {
  resource: 'student',
  rules: [
    { roles: ['parent'], in: 'any-school', relations: ['guardian'] },
    { roles: ['teacher'], in: 'resource-school', relations: ['class-teacher'] },
    { roles: MANAGEMENT, in: 'resource-school' },
  ],
} as const satisfies ActionPolicy;

/** A student's diary and marks: their parents, their class teacher, the school's management (R-REP-4). */
export const STUDENTS_POLICY = {
  'children.read': { resource: null, rules: [{ roles: ['parent'], in: 'any-school' }] },
  /** Identity's list of a parent's children: the parent themselves (R-REP-4). */
  'people.children.read': { resource: 'person', rules: [{ roles: ['parent'], in: 'any-school', relations: ['self'] }] },
  'students.diary.read': READ_STUDENT,
  'students.marks.read': READ_STUDENT,
  'classes.summary.read': {
    resource: 'class',
    rules: [
      { roles: ['teacher'], in: 'resource-school', relations: ['class-teacher'] },
      { roles: MANAGEMENT, in: 'resource-school' },
    ],
  },
  'schools.work-kinds.read': {
    resource: 'school',
    rules: [{ roles: ['teacher', ...MANAGEMENT], in: 'resource-school' }],
  },
} as const satisfies Record<string, ActionPolicy>;
