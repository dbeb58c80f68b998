import { federalLinesForGrade, federalSubjects } from '#domain';
import type { FederalCurriculum } from '../reference-data.js';

export interface GradeSubject {
  code: string;
  nameRu: string;
  hoursPerWeek: number;
  /** Taught in two groups, each with its own teacher and page (R-CAL-3). */
  split: boolean;
}

export interface SchoolSubject {
  code: string;
  nameRu: string;
  marked: boolean;
}

/**
 * The demo school keeps the federal plan as planning initialises it (the same rules, #domain): the hours in force
 * for the year, foreign language, informatics and technology split where the file says classes usually are, ОРКСЭ
 * and the individual project without marks.
 */
export function curriculumForGrade(data: FederalCurriculum, label: string, yearStart: string, grade: number): GradeSubject[] {
  if (!data.levels.some((level) => level.grades.includes(grade))) throw new Error(`No curriculum level for grade ${grade}`);
  return federalLinesForGrade(data, label, yearStart, grade).map((line) => ({
    code: line.code,
    nameRu: line.nameRu,
    hoursPerWeek: Math.round(line.hoursPerWeek),
    split: line.split,
  }));
}

export function schoolSubjects(data: FederalCurriculum): SchoolSubject[] {
  return federalSubjects(data);
}
