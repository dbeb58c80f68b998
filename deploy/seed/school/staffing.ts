import type { GradeSubject } from '../curriculum/curriculum.js';
import type { PlanClass, PlanGroup, PlanPage } from './plan-types.js';

/** Subjects one teacher usually teaches together in grades 5–11. */
const FAMILY_OF: Record<string, string> = {
  russian: 'philology',
  literature: 'philology',
  mathematics: 'math',
  algebra: 'math',
  geometry: 'math',
  'probability-statistics': 'math',
  'algebra-calculus': 'math',
  history: 'history',
  'social-studies': 'history',
  odnknr: 'history',
  physics: 'physics',
  chemistry: 'chemistry',
  biology: 'biology',
  geography: 'geography',
  informatics: 'informatics',
  'individual-project': 'informatics',
  'foreign-language': 'foreign',
  'physical-education': 'pe',
  music: 'arts',
  'fine-arts': 'arts',
  technology: 'technology',
  obzr: 'obzr',
};

/** In grades 1–4 the class teacher teaches these; specialists teach the rest. */
const PRIMARY_CLASS_TEACHER_SUBJECTS = new Set([
  'russian',
  'literary-reading',
  'mathematics',
  'surrounding-world',
  'fine-arts',
  'technology',
  'orkse',
]);

const MAX_WEEKLY_LOAD = 22;

export interface ClassCurriculum {
  schoolClass: PlanClass;
  /** The cohort of the class, to keep a primary class with one teacher from grade 1 to 4. */
  cohort: number;
  subjects: GradeSubject[];
}

export interface Staffing {
  groups: PlanGroup[];
  pages: PlanPage[];
  teacherKeys: string[];
  familyOfTeacher: Map<string, string>;
}

interface Bundle {
  classKey: string;
  family: string;
  /** Group number for a split subject: the two groups of a class get two different teachers. */
  groupNumber: number | null;
  pages: Array<Omit<PlanPage, 'teacherKey'>>;
  hours: number;
}

/** Pages (class × subject × group) of one school year and the teachers assigned to them (R-ACC-3, R-CAL-3). */
export function staffYear(yearLabel: string, classes: ClassCurriculum[]): Staffing {
  const groups: PlanGroup[] = [];
  const pages: PlanPage[] = [];
  const bundles = new Map<string, Bundle>();
  const familyOfTeacher = new Map<string, string>();

  for (const { schoolClass, cohort, subjects } of classes) {
    const primaryTeacher = `demo:teacher:primary:${cohort}${schoolClass.letter}`;
    for (const subject of subjects) {
      const groupNumbers = subject.split ? [1, 2] : [null];
      for (const groupNumber of groupNumbers) {
        let groupKey: string | null = null;
        if (groupNumber !== null) {
          groupKey = `${schoolClass.key}:${subject.code}:${groupNumber}`;
          groups.push({ key: groupKey, classKey: schoolClass.key, subjectCode: subject.code, name: `${groupNumber} группа` });
        }
        const page = {
          key: `${schoolClass.key}:${subject.code}${groupNumber === null ? '' : `:${groupNumber}`}`,
          yearLabel,
          classKey: schoolClass.key,
          grade: schoolClass.grade,
          groupKey,
          subjectCode: subject.code,
          hoursPerWeek: subject.hoursPerWeek,
        };
        if (schoolClass.grade <= 4 && PRIMARY_CLASS_TEACHER_SUBJECTS.has(subject.code)) {
          pages.push({ ...page, teacherKey: primaryTeacher });
          familyOfTeacher.set(primaryTeacher, 'primary');
          continue;
        }
        const family = FAMILY_OF[subject.code] ?? subject.code;
        const bundleKey = `${schoolClass.key}|${family}|${groupNumber ?? ''}`;
        const bundle = bundles.get(bundleKey) ?? { classKey: schoolClass.key, family, groupNumber, pages: [], hours: 0 };
        bundle.pages.push(page);
        bundle.hours += subject.hoursPerWeek;
        bundles.set(bundleKey, bundle);
      }
    }
  }

  const load = new Map<string, number>();
  const teachersOfFamily = new Map<string, string[]>();
  const teacherOfClassFamily = new Map<string, string>();
  for (const bundle of bundles.values()) {
    const pool = teachersOfFamily.get(bundle.family) ?? [];
    teachersOfFamily.set(bundle.family, pool);
    const otherGroupTeacher =
      bundle.groupNumber === null ? undefined : teacherOfClassFamily.get(`${bundle.classKey}|${bundle.family}|other-than-${bundle.groupNumber}`);
    const candidates = pool
      .filter((teacher) => teacher !== otherGroupTeacher && (load.get(teacher) ?? 0) + bundle.hours <= MAX_WEEKLY_LOAD)
      .sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || a.localeCompare(b));
    let teacher = candidates[0];
    if (!teacher) {
      teacher = `demo:teacher:${bundle.family}:${pool.length + 1}`;
      pool.push(teacher);
      familyOfTeacher.set(teacher, bundle.family);
    }
    load.set(teacher, (load.get(teacher) ?? 0) + bundle.hours);
    if (bundle.groupNumber !== null) {
      teacherOfClassFamily.set(`${bundle.classKey}|${bundle.family}|other-than-${bundle.groupNumber === 1 ? 2 : 1}`, teacher);
    }
    for (const page of bundle.pages) pages.push({ ...page, teacherKey: teacher });
  }

  return { groups, pages, teacherKeys: [...familyOfTeacher.keys()].sort(), familyOfTeacher };
}
