import type { CurriculumChange, CurriculumLine, CurriculumValues } from '#contracts';
import type { CurriculumHistoryEntity } from './curriculum-history.entity.js';
import type { CurriculumLineEntity } from './curriculum-line.entity.js';

/** A line with the name its subject has in the school; the year's hours are the weekly hours times the weeks. */
export function toCurriculumLine(entity: CurriculumLineEntity, nameRu: string): CurriculumLine {
  const hoursPerWeek = Number(entity.hoursPerWeek);
  return {
    schoolId: entity.schoolId,
    yearId: entity.yearId,
    grade: entity.grade,
    subjectCode: entity.subjectCode,
    nameRu,
    hoursPerWeek,
    studyWeeks: entity.studyWeeks,
    // Whole or half hours times whole weeks: exact in binary floating point.
    annualHours: hoursPerWeek * entity.studyWeeks,
    split: entity.split,
    marked: entity.marked,
    source: entity.source,
  };
}

export function valuesOf(line: CurriculumLine): CurriculumValues {
  return { nameRu: line.nameRu, hoursPerWeek: line.hoursPerWeek, studyWeeks: line.studyWeeks, split: line.split, marked: line.marked };
}

export function toCurriculumChange(entity: CurriculumHistoryEntity): CurriculumChange {
  return {
    id: String(entity.id),
    yearId: entity.yearId,
    grade: entity.grade,
    subjectCode: entity.subjectCode,
    action: entity.action === 'created' ? 'created' : 'updated',
    oldValue: entity.oldValue as CurriculumValues | null,
    newValue: entity.newValue as CurriculumValues,
    actorId: entity.actorId,
    at: entity.at.toISOString(),
    reason: entity.reason,
  };
}
