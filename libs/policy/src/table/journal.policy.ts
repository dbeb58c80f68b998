import type { ActionPolicy } from '../policy-rule.js';
import { MANAGEMENT } from './roles.js';

const WRITE_LESSON = {
  resource: 'page',
  rules: [{ roles: ['teacher'], in: 'resource-school', relations: ['page-teacher', 'lesson-substitute'] }],
  visibleWith: 'lessons.read',
} as const satisfies ActionPolicy;

/** Who reads a lesson: its page's teachers (also past ones), its substitute, the class teacher, the management. */
const READ_LESSON = {
  resource: 'page',
  rules: [
    { roles: ['teacher'], in: 'resource-school', relations: ['page-teacher-ever', 'lesson-substitute', 'class-teacher'] },
    { roles: MANAGEMENT, in: 'resource-school' },
  ],
} as const satisfies ActionPolicy;

/** Journal pages and lessons: the assigned teacher (or the lesson's substitute) writes; readers read (R-ACC-3). */
export const JOURNAL_POLICY = {
  'me.lessons.read': { resource: null, rules: [{ roles: ['teacher'], in: 'any-school' }] },
  'lessons.read': READ_LESSON,
  /** The history of a lesson's marks and content, and of a page's, for whoever reads them (R-MARK-7). */
  'lessons.history.read': READ_LESSON,
  'pages.history.read': READ_LESSON,
  /** The printed page (PDF) for a period, also of an archived year (R-DATA-3): for whoever reads the page. */
  'pages.print': READ_LESSON,
  'lessons.content.write': WRITE_LESSON,
  'lessons.marks.write': WRITE_LESSON,
  'lessons.attendance.write': WRITE_LESSON,
  /** A whole lesson column (topic, homework, marks, attendance) in one request; each part is checked again by its service. */
  'lessons.column.write': WRITE_LESSON,
} as const satisfies Record<string, ActionPolicy>;
