import { DomainError, ErrorCode } from '#contracts';
import { planDigest } from './plan-digest.js';
import type { RosterImportPlan } from './roster-import-plan.js';

/** Row errors sent back with a refusal at most; the dry run lists them all. */
const MAX_ERRORS_IN_DETAILS = 200;

/**
 * All or nothing: a plan with any row error is not applied at all (VALIDATION_FAILED with the errors), and a plan that
 * differs from the one the dry run showed is refused as a CONFLICT.
 */
export function assertPlanApplicable(plan: RosterImportPlan, expectedDigest?: string): void {
  if (plan.errors.length > 0) {
    const lines = new Set(plan.errors.map((error) => error.line)).size;
    throw new DomainError(
      ErrorCode.ValidationFailed,
      `В файле есть ошибки (строк с ошибками: ${lines}): ничего не изменено. Исправьте их и загрузите файл снова`,
      { errors: plan.errors.slice(0, MAX_ERRORS_IN_DETAILS) },
    );
  }
  if (expectedDigest !== undefined && planDigest(plan) !== expectedDigest) {
    throw new DomainError(
      ErrorCode.Conflict,
      'Состав изменился после проверки файла: проверьте файл ещё раз и примените новый результат',
    );
  }
}
