import type { ActionPolicy } from '../policy-rule.js';

/** The school's deputy director and director distribute the teaching load (R-ACC-3). */
const SCHOOL_LEADERS = { roles: ['deputy', 'director'], in: 'resource-school' } as const;

/**
 * Teaching assignments: who teaches a page from which date, and who substitutes one lesson (замена). Those who read
 * the page are refused visibly (403); anyone else sees no page at all (404).
 */
export const ASSIGNMENTS_POLICY = {
  'pages.assign': { resource: 'page', rules: [SCHOOL_LEADERS], visibleWith: 'lessons.read' },
  'lessons.substitute': { resource: 'page', rules: [SCHOOL_LEADERS], visibleWith: 'lessons.read' },
} as const satisfies Record<string, ActionPolicy>;
