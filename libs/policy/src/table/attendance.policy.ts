import type { ActionPolicy } from '../policy-rule.js';
import { JOURNAL_POLICY } from './journal.policy.js';
import { MANAGEMENT } from './roles.js';

const CLASS_TEACHER_OF_STUDENT = {
  resource: 'student',
  rules: [{ roles: ['teacher'], in: 'resource-school', relations: ['class-teacher'] }],
} as const satisfies Omit<ActionPolicy, 'visibleWith'>;

const READ_STUDENT_ATTENDANCE = {
  resource: 'student',
  rules: [
    { roles: ['parent'], in: 'any-school', relations: ['guardian'] },
    { roles: ['teacher'], in: 'resource-school', relations: ['class-teacher'] },
    { roles: MANAGEMENT, in: 'resource-school' },
  ],
} as const satisfies ActionPolicy;

const READ_CLASS_ATTENDANCE = {
  resource: 'class',
  rules: [
    { roles: ['teacher'], in: 'resource-school', relations: ['class-teacher'] },
    { roles: MANAGEMENT, in: 'resource-school' },
  ],
} as const satisfies ActionPolicy;

/**
 * Attendance beyond marking a lesson (R-ATT-1): the class teacher confirms or changes the reasons of their students'
 * absences and decides the parents' notices; parents send notices for their own children; whoever reads a lesson reads
 * its attendance history (R-MARK-7); attendance summaries are read like the diary and the class summary.
 */
export const ATTENDANCE_POLICY = {
  'lessons.attendance.history.read': { resource: 'page', rules: JOURNAL_POLICY['lessons.read'].rules },
  /** The class teacher of the page's class, at a lesson of any subject. */
  'lessons.attendance.reasons.write': {
    resource: 'page',
    rules: [{ roles: ['teacher'], in: 'resource-school', relations: ['class-teacher'] }],
    visibleWith: 'lessons.read',
  },
  'students.absence-reasons.write': { ...CLASS_TEACHER_OF_STUDENT, visibleWith: 'students.absence-notices.read' },
  'students.absence-notices.send': {
    resource: 'student',
    rules: [{ roles: ['parent'], in: 'any-school', relations: ['guardian'] }],
    visibleWith: 'students.absence-notices.read',
  },
  'students.absence-notices.read': READ_STUDENT_ATTENDANCE,
  'students.absence-notices.decide': { ...CLASS_TEACHER_OF_STUDENT, visibleWith: 'students.absence-notices.read' },
  'classes.absence-notices.read': READ_CLASS_ATTENDANCE,
  'students.attendance.read': READ_STUDENT_ATTENDANCE,
  'classes.attendance.read': READ_CLASS_ATTENDANCE,
} as const satisfies Record<string, ActionPolicy>;
