import type { AcademicYear, DayOff, Period, SchoolBreak } from '#contracts';
import type { AcademicYearEntity } from './academic-year.entity.js';
import type { DayOffEntity } from './day-off.entity.js';
import type { PeriodEntity } from './period.entity.js';
import type { SchoolBreakEntity } from './school-break.entity.js';

export function toPeriod(entity: PeriodEntity): Period {
  return {
    id: entity.id,
    yearId: entity.yearId,
    kind: entity.kind,
    number: entity.number,
    nameRu: entity.nameRu,
    start: entity.start,
    end: entity.end,
    gradeFrom: entity.gradeFrom,
    gradeTo: entity.gradeTo,
    closed: entity.closed,
  };
}

export function toSchoolBreak(entity: SchoolBreakEntity): SchoolBreak {
  return {
    kind: entity.kind,
    nameRu: entity.nameRu,
    start: entity.start,
    end: entity.end,
    gradeFrom: entity.gradeFrom,
    gradeTo: entity.gradeTo,
  };
}

export function toDayOff(entity: DayOffEntity): DayOff {
  return { date: entity.date, kind: entity.kind, nameRu: entity.nameRu };
}

/** One order for periods everywhere, so that an unchanged year compares equal to itself. */
export function comparePeriods(a: Period, b: Period): number {
  return (
    a.start.localeCompare(b.start, 'en') ||
    a.gradeFrom - b.gradeFrom ||
    a.kind.localeCompare(b.kind, 'en') ||
    a.number - b.number
  );
}

export function toAcademicYear(
  year: AcademicYearEntity,
  periods: PeriodEntity[],
  breaks: SchoolBreakEntity[],
  daysOff: DayOffEntity[],
): AcademicYear {
  return {
    id: year.id,
    schoolId: year.schoolId,
    label: year.label,
    start: year.start,
    end: year.end,
    derived: year.derived,
    daysPerWeek: year.daysPerWeek,
    periods: periods.map(toPeriod).sort(comparePeriods),
    breaks: [...breaks].sort((a, b) => a.position - b.position).map(toSchoolBreak),
    daysOff: daysOff.map(toDayOff).sort((a, b) => a.date.localeCompare(b.date)),
    workingWeekendDays: [...year.workingWeekendDays].sort(),
  };
}
