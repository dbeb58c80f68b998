import type { RosterImportPlan, RosterImportSummary } from './roster-import-plan.js';

export interface RosterImportResult {
  /** The ids given to the people the plan created, by their keys in the plan. */
  createdPeople: Record<string, string>;
  summary: RosterImportSummary;
}

/**
 * Carries out a plan without errors, whole or not at all (phase 2: identity's roster commands in one transaction,
 * with their outbox events). The steps, in this order:
 * 1. createPeople: a person per entry (a new external key), with the personal data given;
 * 2. fillPersonalData: the given fields of existing people (the plan only fills empty ones);
 * 3. makeTransfers: end the running enrollment in fromClassId on the day before `date`, enroll in toClassId from it;
 * 4. addEnrollments: enroll from `from`, open-ended;
 * 5. addGuardianships.
 * `notInFile`, `notes` and `unchangedLines` are for people to read; they change nothing.
 */
export interface RosterImportApplier {
  apply(plan: RosterImportPlan): Promise<RosterImportResult>;
}
