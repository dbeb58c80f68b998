import { type AcademicYear, DomainError, ErrorCode } from '#contracts';
import { isoWeekday } from '#domain';
import type { PeriodInput, UpsertYearCommand } from './upsert-year.command.js';

function refuse(message: string, details?: Record<string, unknown>): never {
  throw new DomainError(ErrorCode.ValidationFailed, message, details);
}

/** Periods are matched across re-loads by this key, so their ids (and "closed") survive a changed calendar. */
export function periodKey(period: Pick<PeriodInput, 'kind' | 'number' | 'gradeFrom' | 'gradeTo'>): string {
  return `${period.kind}:${period.number}:${period.gradeFrom}-${period.gradeTo}`;
}

function rangesMeet(fromA: number | string, toA: number | string, fromB: number | string, toB: number | string): boolean {
  return fromA <= toB && fromB <= toA;
}

function assertPeriods(command: UpsertYearCommand): void {
  const keys = new Set<string>();
  for (const period of command.periods) {
    const name = period.nameRu;
    if (period.gradeFrom > period.gradeTo) refuse(`Период «${name}»: неверный диапазон классов`, { period: name });
    if (period.start > period.end) refuse(`Период «${name}»: начало позже окончания`, { period: name });
    if (period.start < command.start || period.end > command.end) {
      refuse(`Период «${name}» выходит за границы учебного года`, { period: name });
    }
    const key = periodKey(period);
    if (keys.has(key)) refuse(`Период «${name}» указан дважды`, { period: name });
    keys.add(key);
  }
  command.periods.forEach((a, index) => {
    for (const b of command.periods.slice(index + 1)) {
      if (rangesMeet(a.gradeFrom, a.gradeTo, b.gradeFrom, b.gradeTo) && rangesMeet(a.start, a.end, b.start, b.end)) {
        const grade = Math.max(a.gradeFrom, b.gradeFrom);
        refuse(`Периоды «${a.nameRu}» и «${b.nameRu}» пересекаются для ${grade} класса`, {
          periods: [a.nameRu, b.nameRu],
          grade,
        });
      }
    }
  });
}

function assertBreaksAndDays(command: UpsertYearCommand): void {
  for (const schoolBreak of command.breaks) {
    const name = schoolBreak.nameRu;
    if (schoolBreak.gradeFrom > schoolBreak.gradeTo) refuse(`Каникулы «${name}»: неверный диапазон классов`, { break: name });
    if (schoolBreak.start > schoolBreak.end) refuse(`Каникулы «${name}»: начало позже окончания`, { break: name });
  }
  const daysOff = new Set<string>();
  for (const { date } of command.daysOff) {
    if (daysOff.has(date)) refuse(`Выходной день ${date} указан дважды`, { date });
    daysOff.add(date);
  }
  for (const date of command.workingWeekendDays) {
    if (isoWeekday(date) < 6) refuse(`Рабочий выходной ${date} не приходится на субботу или воскресенье`, { date });
    if (daysOff.has(date)) refuse(`День ${date} указан и рабочим, и выходным`, { date });
  }
}

/** Refuses a calendar that cannot be a school year (VALIDATION_FAILED with a message for people). */
export function assertValidYear(command: UpsertYearCommand): void {
  if (command.start > command.end) refuse('Начало учебного года позже его окончания', { start: command.start, end: command.end });
  assertPeriods(command);
  assertBreaksAndDays(command);
}

/**
 * A reloaded calendar keeps every closed period as it was: a closed period is neither dropped nor moved (its lessons
 * would silently enter or leave it) until the deputy director reopens it.
 */
export function assertClosedPeriodsKept(existing: AcademicYear, next: AcademicYear): void {
  for (const period of existing.periods.filter((candidate) => candidate.closed)) {
    const kept = next.periods.find((candidate) => candidate.id === period.id);
    if (!kept || kept.start !== period.start || kept.end !== period.end) {
      throw new DomainError(ErrorCode.PeriodClosed, `Период «${period.nameRu}» закрыт: его даты не меняются`, { periodId: period.id });
    }
  }
}
