import type { PlanDeadlineStatus } from '#contracts';
import { schoolDateAt } from '#domain';

/** 10 September of the school year (R-PLAN-1): for 2025/2026, 2025-09-10. */
export function planDeadline(academicYear: string): string {
  return `${academicYear.slice(0, 4)}-09-10`;
}

/**
 * A plan's status against its deadline, judged by calendar dates in the school's time zone (R-PLAN-1, R-CAL-2): a plan
 * first saved on 10 September, local time, is on time even when it is already 11 September somewhere else; a plan
 * missing on 11 September, local time, is overdue.
 */
export function planDeadlineStatus(input: {
  academicYear: string;
  submittedAt: Date | null;
  now: Date;
  timeZone: string;
}): PlanDeadlineStatus {
  const deadline = planDeadline(input.academicYear);
  if (input.submittedAt) return schoolDateAt(input.submittedAt, input.timeZone) <= deadline ? 'submitted-on-time' : 'submitted-late';
  return schoolDateAt(input.now, input.timeZone) > deadline ? 'missing-overdue' : 'missing-not-yet-due';
}
