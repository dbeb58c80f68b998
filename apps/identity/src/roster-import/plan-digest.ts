import { createHash } from 'node:crypto';
import type { RosterImportPlan } from './roster-import-plan.js';

/**
 * A fingerprint of what a plan would change. The dry run returns it; applying prepares the plan again and refuses when
 * the fingerprint differs, so nothing is applied that the person did not see (the roster may change in between).
 */
export function planDigest(plan: RosterImportPlan): string {
  const changes = {
    context: plan.context,
    createPeople: plan.createPeople,
    fillPersonalData: plan.fillPersonalData,
    addEnrollments: plan.addEnrollments,
    makeTransfers: plan.makeTransfers,
    addGuardianships: plan.addGuardianships,
  };
  return createHash('sha256').update(JSON.stringify(changes)).digest('hex');
}
