/**
 * The federal curricula (ФОП НОО/ООО/СОО of 2023) as the reference file gives them, and the pure rules that turn
 * them into a school year's plan: which hours are in force in a year, which subjects are split into groups
 * (R-CAL-3) and which go without marks (R-MARK-1). A school's own plan starts from this and then wins over it.
 */
export interface FederalCurriculumChange {
  from?: string;
  schoolYear?: string;
  hoursPerWeek: Record<string, number>;
  unverified?: boolean;
}

export interface FederalCurriculumSubject {
  code: string;
  nameRu: string;
  hoursPerWeek: Record<string, number>;
  commonlySplitIntoGroups?: boolean;
  /** `unmarked-common` (ОРКСЭ, ОДНКНР) and `pass-fail-common` (the individual project) are usually kept without marks. */
  assessment?: string;
  changes?: FederalCurriculumChange[];
}

export interface FederalCurriculumLevel {
  level: string;
  grades: number[];
  subjects: FederalCurriculumSubject[];
  totals?: { studyWeeks?: Record<string, number> };
}

export interface FederalCurriculum {
  levels: FederalCurriculumLevel[];
}

/** One subject of one grade as the federal plan has it for a year. */
export interface FederalLine {
  code: string;
  nameRu: string;
  /** Lessons a week, as in the file (whole in every change in force; a school may use halves). */
  hoursPerWeek: number;
  /** Weeks of study of the grade (33 in grade 1, 34 otherwise): weekly hours × weeks = hours of the year. */
  studyWeeks: number;
  split: boolean;
  marked: boolean;
}

/** Weeks of study when the file gives none for a grade: the federal plans count 34 everywhere but grade 1. */
export function defaultStudyWeeks(grade: number): number {
  return grade === 1 ? 33 : 34;
}

const UNMARKED_ASSESSMENTS = new Set(['unmarked-common', 'pass-fail-common']);

/** The usual practice the file records: ОРКСЭ, ОДНКНР and the individual project are kept without marks. */
export function isFederallyMarked(subject: Pick<FederalCurriculumSubject, 'assessment'>): boolean {
  return !UNMARKED_ASSESSMENTS.has(subject.assessment ?? '');
}

/**
 * The weekly hours of a subject in force for a year: a verified change for that very year wins, else the latest
 * verified change in force on the year's first day, else the 2023 text.
 */
export function hoursInForce(subject: FederalCurriculumSubject, label: string, yearStart: string): Record<string, number> {
  const changes = (subject.changes ?? []).filter((change) => !change.unverified);
  const forYear = changes.find((change) => change.schoolYear === label);
  if (forYear) return forYear.hoursPerWeek;
  const inForce = changes
    .filter((change): change is FederalCurriculumChange & { from: string } => !!change.from && change.from <= yearStart)
    .sort((a, b) => a.from.localeCompare(b.from))
    .at(-1);
  return inForce ? inForce.hoursPerWeek : subject.hoursPerWeek;
}

/** The subjects a grade is taught in a year (label `2025/2026`, first day `2025-09-01`), in the file's order. */
export function federalLinesForGrade(data: FederalCurriculum, label: string, yearStart: string, grade: number): FederalLine[] {
  const level = data.levels.find((candidate) => candidate.grades.includes(grade));
  if (!level) return [];
  const studyWeeks = level.totals?.studyWeeks?.[String(grade)] ?? defaultStudyWeeks(grade);
  return level.subjects.flatMap((subject) => {
    const hours = hoursInForce(subject, label, yearStart)[String(grade)];
    if (!hours) return [];
    return [
      {
        code: subject.code,
        nameRu: subject.nameRu,
        hoursPerWeek: hours,
        studyWeeks,
        split: !!subject.commonlySplitIntoGroups,
        marked: isFederallyMarked(subject),
      },
    ];
  });
}

/** Every subject of the file once (the first level that has it names it). */
export function federalSubjects(data: FederalCurriculum): Array<{ code: string; nameRu: string; marked: boolean }> {
  const byCode = new Map<string, { code: string; nameRu: string; marked: boolean }>();
  for (const level of data.levels) {
    for (const subject of level.subjects) {
      if (!byCode.has(subject.code)) byCode.set(subject.code, { code: subject.code, nameRu: subject.nameRu, marked: isFederallyMarked(subject) });
    }
  }
  return [...byCode.values()];
}
