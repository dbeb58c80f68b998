import type { ActionPolicy } from '../policy-rule.js';

/** OneRoster 1.2 rostering scopes (short names of …/spec/or/v1p2/scope/roster.readonly and roster-core.readonly). */
const ROSTER_CLIENTS = [{ clientScope: 'roster.readonly' }, { clientScope: 'roster-core.readonly' }] as const;
/** The OneRoster 1.2 gradebook read scope (short name of …/spec/or/v1p2/scope/gradebook.readonly). */
const GRADEBOOK_CLIENTS = [{ clientScope: 'gradebook.readonly' }] as const;

/**
 * OneRoster 1.2 rostering reads of the municipal portal (R-REP-5): machine clients only, each limited to the schools
 * it was granted (the read passes them on); people use the journal's own API.
 */
export const ONEROSTER_POLICY = {
  'oneroster.orgs.read': { resource: null, rules: ROSTER_CLIENTS },
  'oneroster.academic-sessions.read': { resource: null, rules: ROSTER_CLIENTS },
  'oneroster.courses.read': { resource: null, rules: ROSTER_CLIENTS },
  'oneroster.classes.read': { resource: null, rules: ROSTER_CLIENTS },
  'oneroster.users.read': { resource: null, rules: ROSTER_CLIENTS },
  'oneroster.enrollments.read': { resource: null, rules: ROSTER_CLIENTS },
  'oneroster.gradebook.categories.read': { resource: null, rules: GRADEBOOK_CLIENTS },
  'oneroster.gradebook.line-items.read': { resource: null, rules: GRADEBOOK_CLIENTS },
  'oneroster.gradebook.results.read': { resource: null, rules: GRADEBOOK_CLIENTS },
} as const satisfies Record<string, ActionPolicy>;
