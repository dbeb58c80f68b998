import type { ActionPolicy } from '../policy-rule.js';

/**
 * The municipal portal's reads beyond OneRoster (R-REP-5): performance figures and the attendance feed of a school.
 * Machine clients only, each with its own scope; the school must be one the client was granted (checked on the route).
 */
export const MUNICIPAL_POLICY = {
  'municipal.performance.read': { resource: null, rules: [{ clientScope: 'performance.readonly' }] },
  'municipal.attendance.read': { resource: null, rules: [{ clientScope: 'attendance.readonly' }] },
} as const satisfies Record<string, ActionPolicy>;
