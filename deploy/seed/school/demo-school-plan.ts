import type { Bell, PersonName, SchoolSettings } from '#contracts';
import { deriveNextYear } from '../calendar/derive-year.js';
import { year2025From } from '../calendar/year-2025-2026.js';
import type { YearRequest } from '../calendar/year-request.js';
import { curriculumForGrade, type SchoolSubject, schoolSubjects } from '../curriculum/curriculum.js';
import { inventPerson, randomFamilyName, randomFirstName } from '../people/name-generator.js';
import { createRandom } from '../random.js';
import { federalCurriculum, schoolCalendar2025 } from '../reference-data.js';
import { chooseLogins, type DemoStaff } from './demo-logins.js';
import { enrollStudents } from './enroll-students.js';
import { type CohortClass, inventStudentsAndFamilies } from './families.js';
import type {
  DemoLogin,
  PlanClass,
  PlanEnrollment,
  PlanFamily,
  PlanGroup,
  PlanMembership,
  PlanPage,
  PlanPerson,
  PlanSlot,
  PlanStudent,
} from './plan-types.js';
import { type ClassCurriculum, staffYear } from './staffing.js';
import { buildTimetable } from './timetable.js';

export interface DemoSchoolOptions {
  seed: string;
  /** Grades that have classes (1–11 for the full school; tests use a few). */
  grades: number[];
  /** Number of parallel classes (А, Б, В…) of each grade. */
  classesPerGrade: (grade: number) => number;
  studentsPerClass: number;
}

/** About a thousand students: three classes per grade, four in grades 1, 5 and 7. */
export const FULL_DEMO_SCHOOL: DemoSchoolOptions = {
  seed: 'ejournal-demo-2026',
  grades: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  classesPerGrade: (grade) => ([1, 5, 7].includes(grade) ? 4 : 3),
  studentsPerClass: 27,
};

/** A school small enough for tests: one first grade and two fifth grades of eight students. */
export const SMALL_DEMO_SCHOOL: DemoSchoolOptions = {
  seed: 'ejournal-small',
  grades: [1, 5],
  classesPerGrade: (grade) => (grade === 5 ? 2 : 1),
  studentsPerClass: 8,
};

export interface DemoYear {
  request: YearRequest;
  classes: PlanClass[];
  groups: PlanGroup[];
  pages: PlanPage[];
  enrollments: PlanEnrollment[];
  memberships: PlanMembership[];
  timetable: Map<string, PlanSlot[]>;
  teacherConflicts: number;
}

export interface DemoSchoolPlan {
  school: SchoolSettings & { externalKey: string };
  subjects: SchoolSubject[];
  bells: Bell[];
  years: DemoYear[];
  people: PlanPerson[];
  students: PlanStudent[];
  families: PlanFamily[];
  teacherKeys: string[];
  staff: DemoStaff;
  logins: DemoLogin[];
}

const LETTERS = ['А', 'Б', 'В', 'Г', 'Д', 'Е'];

export const DEMO_SCHOOL_SETTINGS: SchoolSettings & { externalKey: string } = {
  externalKey: 'demo:school',
  name: 'МБОУ «Средняя общеобразовательная школа № 7» (демонстрационная)',
  timeZone: 'Asia/Yekaterinburg',
  markScaleMin: 2,
  workKinds: [
    { code: 'answer', nameRu: 'Ответ на уроке', weight: '1' },
    { code: 'homework', nameRu: 'Домашняя работа', weight: '1' },
    { code: 'independent', nameRu: 'Самостоятельная работа', weight: '1.5' },
    { code: 'dictation', nameRu: 'Диктант', weight: '2' },
    { code: 'test', nameRu: 'Контрольная работа', weight: '2' },
    { code: 'lab', nameRu: 'Лабораторная работа', weight: '1.5' },
  ],
};

export const DEMO_BELLS: Bell[] = [
  { lessonNumber: 1, start: '08:30', end: '09:10' },
  { lessonNumber: 2, start: '09:20', end: '10:00' },
  { lessonNumber: 3, start: '10:20', end: '11:00' },
  { lessonNumber: 4, start: '11:20', end: '12:00' },
  { lessonNumber: 5, start: '12:10', end: '12:50' },
  { lessonNumber: 6, start: '13:00', end: '13:40' },
  { lessonNumber: 7, start: '13:50', end: '14:30' },
  { lessonNumber: 8, start: '14:40', end: '15:20' },
];

function startYearOf(request: YearRequest): number {
  return Number(request.label.slice(0, 4));
}

function classKey(label: string, grade: number, letter: string): string {
  return `demo:class:${label}:${grade}${letter}`;
}

/** The whole demo school as plain data: deterministic for a seed, loaded only through the services' commands. */
export function planDemoSchool(options: DemoSchoolOptions): DemoSchoolPlan {
  const curriculum = federalCurriculum();
  const lastYear = year2025From(schoolCalendar2025());
  const requests = [lastYear, deriveNextYear(lastYear)];
  const latest = startYearOf(requests.at(-1)!);

  // Cohorts (the year a class started grade 1) that have a selected grade in some year; sized by the latest year.
  const cohortClasses = new Map<string, CohortClass>();
  const sizeRandom = createRandom(`${options.seed}:sizes`);
  for (const request of requests) {
    for (const grade of options.grades) {
      const cohort = startYearOf(request) - grade + 1;
      const gradeInLatest = latest - cohort + 1;
      const count = options.classesPerGrade(gradeInLatest <= 11 ? gradeInLatest : grade);
      for (const letter of LETTERS.slice(0, count)) {
        const key = `${cohort}${letter}`;
        if (!cohortClasses.has(key)) {
          cohortClasses.set(key, { cohort, letter, size: Math.max(2, options.studentsPerClass + sizeRandom.int(-2, 2)) });
        }
      }
    }
  }
  const sortedCohorts = [...cohortClasses.values()].sort((a, b) => b.cohort - a.cohort || a.letter.localeCompare(b.letter));
  const { students, parents, families } = inventStudentsAndFamilies(options.seed, sortedCohorts);

  const years = requests.map((request) => planYear(request, options, students));
  const teacherKeys = [...new Set(years.flatMap((year) => year.pages.map((page) => page.teacherKey)))].sort();
  const staffRandom = createRandom(`${options.seed}:staff`);
  const invent = (gender: 'male' | 'female'): PersonName =>
    inventPerson(staffRandom, gender, randomFamilyName(staffRandom), randomFirstName(staffRandom, 'male'));
  const teachers: PlanPerson[] = teacherKeys.map((key) => ({ key, name: invent(staffRandom.chance(0.8) ? 'female' : 'male') }));
  const staff = {
    director: 'demo:staff:director',
    deputy: 'demo:staff:deputy',
    coordinator: 'demo:staff:coordinator',
    sysadmin: 'demo:staff:sysadmin',
  };
  const staffPeople: PlanPerson[] = Object.values(staff).map((key) => ({ key, name: invent(staffRandom.chance(0.6) ? 'female' : 'male') }));

  return {
    school: DEMO_SCHOOL_SETTINGS,
    subjects: schoolSubjects(curriculum),
    bells: DEMO_BELLS,
    years,
    people: [...staffPeople, ...teachers, ...students, ...parents],
    students,
    families,
    teacherKeys,
    staff,
    logins: chooseLogins(years.at(-1)!, families, teacherKeys, staff),
  };

  function planYear(request: YearRequest, planOptions: DemoSchoolOptions, allStudents: PlanStudent[]): DemoYear {
    const start = startYearOf(request);
    const classes: PlanClass[] = [];
    const curricula: ClassCurriculum[] = [];
    for (const grade of [...planOptions.grades].sort((a, b) => a - b)) {
      const cohort = start - grade + 1;
      for (const cohortClass of sortedCohorts.filter((c) => c.cohort === cohort)) {
        const schoolClass: PlanClass = {
          key: classKey(request.label, grade, cohortClass.letter),
          yearLabel: request.label,
          grade,
          letter: cohortClass.letter,
          classTeacherKey: null,
        };
        classes.push(schoolClass);
        curricula.push({ schoolClass, cohort, subjects: curriculumForGrade(curriculum, request.label, request.start, grade) });
      }
    }
    const staffing = staffYear(request.label, curricula);
    assignClassTeachers(classes, staffing.pages);
    const { enrollments, memberships } = enrollStudents(request, classes, staffing.groups, allStudents);
    const timetable = buildTimetable(
      classes.map((schoolClass) => ({
        classKey: schoolClass.key,
        grade: schoolClass.grade,
        pages: staffing.pages.filter((page) => page.classKey === schoolClass.key),
      })),
    );
    return {
      request,
      classes,
      groups: staffing.groups,
      pages: staffing.pages,
      enrollments,
      memberships,
      timetable: timetable.slots,
      teacherConflicts: timetable.teacherConflicts,
    };
  }
}

/** Primary classes are led by their own teacher; older ones by a teacher with the most hours in the class. */
function assignClassTeachers(classes: PlanClass[], pages: PlanPage[]): void {
  const leading = new Set<string>();
  for (const schoolClass of classes) {
    const hoursByTeacher = new Map<string, number>();
    for (const page of pages.filter((p) => p.classKey === schoolClass.key)) {
      hoursByTeacher.set(page.teacherKey, (hoursByTeacher.get(page.teacherKey) ?? 0) + page.hoursPerWeek);
    }
    const candidate = [...hoursByTeacher.entries()]
      .filter(([teacher]) => !leading.has(teacher))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    if (candidate) {
      schoolClass.classTeacherKey = candidate;
      leading.add(candidate);
    }
  }
}

export { DEMO_TRANSFER_DATE } from './enroll-students.js';
