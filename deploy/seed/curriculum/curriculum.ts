import type { CurriculumChange, CurriculumSubject, FederalCurriculum } from '../reference-data.js';

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

// Usually assessed without marks (see markingNotes in the curriculum file): a school setting, the demo school's choice.
const UNMARKED = new Set(['orkse', 'individual-project']);

function splitFrom(code: string): number | null {
  if (code === 'foreign-language') return 2;
  if (code === 'informatics') return 7;
  if (code === 'technology') return 5;
  return null;
}

/** The hours of a subject in force for a year: a change for that very year wins, else the latest change in force. */
function hoursInForce(subject: CurriculumSubject, label: string, yearStart: string): Record<string, number> {
  const changes = (subject.changes ?? []).filter((change) => !change.unverified);
  const forYear = changes.find((change) => change.schoolYear === label);
  if (forYear) return forYear.hoursPerWeek;
  const inForce = changes
    .filter((change): change is CurriculumChange & { from: string } => !!change.from && change.from <= yearStart)
    .sort((a, b) => a.from.localeCompare(b.from))
    .at(-1);
  return inForce ? inForce.hoursPerWeek : subject.hoursPerWeek;
}

export function curriculumForGrade(data: FederalCurriculum, label: string, yearStart: string, grade: number): GradeSubject[] {
  const level = data.levels.find((candidate) => candidate.grades.includes(grade));
  if (!level) throw new Error(`No curriculum level for grade ${grade}`);
  return level.subjects.flatMap((subject) => {
    const hours = hoursInForce(subject, label, yearStart)[String(grade)];
    if (!hours) return [];
    const from = splitFrom(subject.code);
    return [
      {
        code: subject.code,
        nameRu: subject.nameRu,
        hoursPerWeek: Math.round(hours),
        split: !!subject.commonlySplitIntoGroups && from !== null && grade >= from,
      },
    ];
  });
}

export function schoolSubjects(data: FederalCurriculum): SchoolSubject[] {
  const byCode = new Map<string, SchoolSubject>();
  for (const level of data.levels) {
    for (const subject of level.subjects) {
      if (!byCode.has(subject.code)) {
        byCode.set(subject.code, { code: subject.code, nameRu: subject.nameRu, marked: !UNMARKED.has(subject.code) });
      }
    }
  }
  return [...byCode.values()];
}
