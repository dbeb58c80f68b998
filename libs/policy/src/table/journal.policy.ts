import type { ActionPolicy } from '../policy-rule.js';
import { MANAGEMENT } from './roles.js';

const WRITE_LESSON = {
  resource: 'page',
  rules: [{ roles: ['teacher'], in: 'resource-school', relations: ['page-teacher', 'lesson-substitute'] }],
  visibleWith: 'lessons.read',
} as const satisfies ActionPolicy;

/** Journal pages and lessons: the assigned teacher (or the lesson's substitute) writes; readers read (R-ACC-3). */
export const JOURNAL_POLICY = {
  'me.lessons.read': { resource: null, rules: [{ roles: ['teacher'], in: 'any-school' }] },
  'lessons.read': {
    resource: 'page',
    rules: [
      { roles: ['teacher'], in: 'resource-school', relations: ['page-teacher-ever', 'lesson-substitute', 'class-teacher'] },
      { roles: MANAGEMENT, in: 'resource-school' },
    ],
  },
  'lessons.content.write': WRITE_LESSON,
  'lessons.marks.write': WRITE_LESSON,
  'lessons.attendance.write': WRITE_LESSON,
} as const satisfies Record<string, ActionPolicy>;
