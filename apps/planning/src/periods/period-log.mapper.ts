import type { PeriodLogEntry } from '#contracts';
import type { PeriodLogEntity } from './period-log.entity.js';

export function toPeriodLogEntry(entity: PeriodLogEntity): PeriodLogEntry {
  return {
    id: String(entity.id),
    schoolId: entity.schoolId,
    yearId: entity.yearId,
    periodId: entity.periodId,
    periodNameRu: entity.periodNameRu,
    action: entity.action,
    reason: entity.reason,
    actorId: entity.actorId,
    at: entity.at.toISOString(),
  };
}
