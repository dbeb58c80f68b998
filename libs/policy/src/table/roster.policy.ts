import type { ActionPolicy } from '../policy-rule.js';
import { MANAGEMENT, STAFF } from './roles.js';

const CLASS_TEACHER = { roles: ['teacher'], in: 'resource-school', relations: ['class-teacher'] } as const;
const SCHOOL_MANAGEMENT = { roles: MANAGEMENT, in: 'resource-school' } as const;

/**
 * The roster (R-CAL-3, R-CAL-4): classes, groups, enrollments, transfers, guardianships. The school's management
 * (deputy, director, IS coordinator) keeps it; the class teacher reads their class and submits changes of it as
 * requests that the management applies or rejects. A class teacher asking about another class gets 404.
 */
export const ROSTER_POLICY = {
  /** The school is visible to its staff: refusals of school-wide actions are 403 for them, 404 for anyone else. */
  'schools.read': { resource: 'school', rules: [{ roles: STAFF, in: 'resource-school' }] },
  'classes.list': { resource: 'school', rules: [{ roles: ['teacher', ...MANAGEMENT], in: 'resource-school' }], visibleWith: 'schools.read' },
  'classes.create': { resource: 'school', rules: [SCHOOL_MANAGEMENT], visibleWith: 'schools.read' },
  'classes.roster.read': { resource: 'class', rules: [CLASS_TEACHER, SCHOOL_MANAGEMENT] },
  /** Rename, archive, groups and their members, enrollments of the class. */
  'classes.roster.write': { resource: 'class', rules: [SCHOOL_MANAGEMENT], visibleWith: 'classes.roster.read' },
  'classes.roster-requests.submit': { resource: 'class', rules: [CLASS_TEACHER], visibleWith: 'classes.roster.read' },
  'classes.roster-requests.read': { resource: 'class', rules: [CLASS_TEACHER, SCHOOL_MANAGEMENT] },
  'classes.roster-requests.decide': { resource: 'class', rules: [SCHOOL_MANAGEMENT], visibleWith: 'classes.roster.read' },
  'schools.roster-requests.read': { resource: 'school', rules: [SCHOOL_MANAGEMENT], visibleWith: 'schools.read' },
  /** Moves the student (as enrolled today) to another class; identity checks the target class too. */
  'students.transfer': { resource: 'student', rules: [SCHOOL_MANAGEMENT], visibleWith: 'students.diary.read' },
  /** Guardians, archiving a student, correcting a name: about the person, in the schools they belong to. */
  'people.roster.write': { resource: 'person', rules: [SCHOOL_MANAGEMENT], visibleWith: 'people.read' },
} as const satisfies Record<string, ActionPolicy>;
