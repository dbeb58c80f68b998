import type { FinalResult, ResultChange, ResultValue } from '#contracts';
import { resultLabel } from '#domain';
import type { FinalResultHistoryEntity } from './final-result-history.entity.js';
import type { FinalResultEntity } from './final-result.entity.js';

/** The stored text of a result: "4" for a mark, the word itself otherwise. */
export function storedValue(value: ResultValue | null): string | null {
  return value === null ? null : String(value);
}

export function resultValueOf(stored: string | null): ResultValue | null {
  if (stored === null) return null;
  return /^[1-5]$/.test(stored) ? Number(stored) : (stored as ResultValue);
}

export function toFinalResult(entity: FinalResultEntity): FinalResult {
  const value = resultValueOf(entity.value);
  return {
    id: entity.id,
    term: entity.term,
    termId: entity.termId,
    schoolId: entity.schoolId,
    studentId: entity.studentId,
    subjectCode: entity.subjectCode,
    pageId: entity.pageId,
    value,
    label: value === null ? null : resultLabel(value),
    version: entity.version,
    setBy: entity.setBy,
    setAt: entity.setAt.toISOString(),
  };
}

export function toResultChange(entity: FinalResultHistoryEntity): ResultChange {
  return {
    id: entity.id,
    studentId: entity.studentId,
    action: entity.action as ResultChange['action'],
    oldValue: (entity.oldValue as FinalResult | null) ?? null,
    newValue: (entity.newValue as FinalResult | null) ?? null,
    actorId: entity.actorId,
    at: entity.at.toISOString(),
    reason: entity.reason,
  };
}
