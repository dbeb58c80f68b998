import type { ActionPolicy } from './policy-rule.js';
import { ACCOUNTS_POLICY } from './table/accounts.policy.js';
import { API_CLIENTS_POLICY } from './table/api-clients.policy.js';
import { ASSIGNMENTS_POLICY } from './table/assignments.policy.js';
import { ATTENDANCE_POLICY } from './table/attendance.policy.js';
import { CONSISTENCY_POLICY } from './table/consistency.policy.js';
import { JOURNAL_POLICY } from './table/journal.policy.js';
import { MARK_SETTINGS_POLICY } from './table/mark-settings.policy.js';
import { MUNICIPAL_POLICY } from './table/municipal.policy.js';
import { NOTIFICATIONS_POLICY } from './table/notifications.policy.js';
import { ONEROSTER_POLICY } from './table/oneroster.policy.js';
import { PERFORMANCE_POLICY } from './table/performance.policy.js';
import { PERSONAL_DATA_POLICY } from './table/personal-data.policy.js';
import { PLANS_POLICY } from './table/plans.policy.js';
import { RESULTS_POLICY } from './table/results.policy.js';
import { ROSTER_POLICY } from './table/roster.policy.js';
import { ROSTER_IMPORT_POLICY } from './table/roster-import.policy.js';
import { SCHOOL_YEAR_POLICY } from './table/school-year.policy.js';
import { SCHOOL_REPORTS_POLICY } from './table/school-reports.policy.js';
import { SESSION_POLICY } from './table/session.policy.js';
import { STUDENTS_POLICY } from './table/students.policy.js';
import { TIMETABLE_POLICY } from './table/timetable.policy.js';
import { TOKENS_POLICY } from './table/tokens.policy.js';

/**
 * The one permission table of the system (DOMAIN.md roles, R-ACC-1…4): action → resource → rules. The gateway
 * enforces it on every route and the services check it again with the same `decide`. Students appear nowhere.
 */
export const POLICY = {
  ...SESSION_POLICY,
  ...JOURNAL_POLICY,
  ...ATTENDANCE_POLICY,
  ...STUDENTS_POLICY,
  ...ASSIGNMENTS_POLICY,
  ...API_CLIENTS_POLICY,
  ...TOKENS_POLICY,
  ...ACCOUNTS_POLICY,
  ...PERSONAL_DATA_POLICY,
  ...PLANS_POLICY,
  ...RESULTS_POLICY,
  ...ROSTER_POLICY,
  ...ROSTER_IMPORT_POLICY,
  ...SCHOOL_YEAR_POLICY,
  ...TIMETABLE_POLICY,
  ...MARK_SETTINGS_POLICY,
  ...ONEROSTER_POLICY,
  ...PERFORMANCE_POLICY,
  ...MUNICIPAL_POLICY,
  ...NOTIFICATIONS_POLICY,
  ...CONSISTENCY_POLICY,
  ...SCHOOL_REPORTS_POLICY,
} as const satisfies Record<string, ActionPolicy>;

export type ActionName = keyof typeof POLICY;

export function policyOf(action: ActionName): ActionPolicy {
  return POLICY[action];
}
