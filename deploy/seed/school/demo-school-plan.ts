import type { Bell, PersonName, SchoolSettings } from '#contracts';
import { deriveNextYear } from '../calendar/derive-year.js';
import { year2025From } from '../calendar/year-2025-2026.js';
import type { YearRequest } from '../calendar/year-request.js';
import { curriculumForGrade, type SchoolSubject, schoolSubjects } from '../curriculum/curriculum.js';
import { inventPerson, randomFamilyName, randomFirstName } from '../people/name-generator.js';
import { createRandom } from '../random.js';
import { federalCurriculum, schoolCalendar2025 } from '../reference-data.js';
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
  staff: Record<'director' | 'deputy' | 'coordinator' | 'sysadmin', string>;
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

/** The transfer that shows R-CAL-4 in the demo: a student changes class in the middle of a quarter. */
export const DEMO_TRANSFER_DATE = '2026-11-16';

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

function enrollStudents(
  request: YearRequest,
  classes: PlanClass[],
  groups: PlanGroup[],
  students: PlanStudent[],
): { enrollments: PlanEnrollment[]; memberships: PlanMembership[] } {
  const start = startYearOf(request);
  const isCurrentDemoYear = request.derived;
  const enrollments: PlanEnrollment[] = [];
  const memberships: PlanMembership[] = [];
  const byName = (a: PlanStudent, b: PlanStudent) =>
    a.name.lastName.localeCompare(b.name.lastName, 'ru') || a.name.firstName.localeCompare(b.name.firstName, 'ru');
  const rosterOf = new Map<string, PlanStudent[]>();
  for (const schoolClass of classes) {
    const cohort = start - schoolClass.grade + 1;
    rosterOf.set(
      schoolClass.key,
      students.filter((s) => s.cohort === cohort && s.letter === schoolClass.letter).sort(byName),
    );
  }
  // In the current year, the third student of a class "А" (grade 5 if possible) moves to "Б" mid-quarter.
  const hasParallel = (c: PlanClass) => c.letter === 'А' && classes.some((o) => o.grade === c.grade && o.letter === 'Б');
  const from = classes.find((c) => c.grade >= 5 && hasParallel(c)) ?? classes.find((c) => c.grade >= 2 && hasParallel(c));
  const to = from && classes.find((c) => c.grade === from.grade && c.letter === 'Б');
  const mover = isCurrentDemoYear && from ? rosterOf.get(from.key)?.[2] : undefined;

  for (const schoolClass of classes) {
    const roster = rosterOf.get(schoolClass.key)!;
    const end = request.derived ? null : request.end;
    for (const student of roster) {
      const leaves = mover && student.key === mover.key;
      enrollments.push({
        studentKey: student.key,
        classKey: schoolClass.key,
        from: request.start,
        to: leaves ? '2026-11-13' : end,
      });
    }
    const classGroups = groups.filter((group) => group.classKey === schoolClass.key);
    const half = Math.ceil(roster.length / 2);
    roster.forEach((student, index) => {
      const leaves = mover && student.key === mover.key;
      for (const group of classGroups.filter((g) => g.name.startsWith(index < half ? '1' : '2'))) {
        memberships.push({ studentKey: student.key, groupKey: group.key, from: request.start, to: leaves ? '2026-11-13' : end });
      }
    });
  }
  if (mover && to) {
    enrollments.push({ studentKey: mover.key, classKey: to.key, from: DEMO_TRANSFER_DATE, to: null });
    for (const group of groups.filter((g) => g.classKey === to.key && g.name.startsWith('1'))) {
      memberships.push({ studentKey: mover.key, groupKey: group.key, from: DEMO_TRANSFER_DATE, to: null });
    }
  }
  return { enrollments, memberships };
}

function chooseLogins(
  current: DemoYear,
  families: PlanFamily[],
  teacherKeys: string[],
  staff: DemoSchoolPlan['staff'],
): DemoLogin[] {
  const logins: DemoLogin[] = [
    { login: 'director', personKey: staff.director, roles: ['director'], descriptionRu: 'директор', canSignIn: true },
    { login: 'deputy', personKey: staff.deputy, roles: ['deputy'], descriptionRu: 'заместитель директора по УР', canSignIn: true },
    { login: 'coordinator', personKey: staff.coordinator, roles: ['coordinator'], descriptionRu: 'координатор ИС', canSignIn: true },
    { login: 'sysadmin', personKey: staff.sysadmin, roles: ['sysadmin'], descriptionRu: 'системный администратор', canSignIn: true },
  ];
  const olderClasses = current.classes.filter((c) => c.grade >= 5);
  const classForClassTeacher = olderClasses.find((c) => c.letter === 'А' && c.classTeacherKey) ?? current.classes.find((c) => c.classTeacherKey);
  const classTeacher = classForClassTeacher?.classTeacherKey;
  const mathTeacher = current.pages.find((p) => ['algebra', 'mathematics'].includes(p.subjectCode) && p.grade >= 5 && p.teacherKey !== classTeacher)?.teacherKey;
  const subjectTeacher = mathTeacher ?? current.pages.find((p) => p.grade >= 2 && p.teacherKey !== classTeacher)?.teacherKey;
  const firstGrade = current.classes.find((c) => c.grade === 1 && c.classTeacherKey);
  if (subjectTeacher) {
    logins.push({ login: 'teacher', personKey: subjectTeacher, roles: ['teacher'], descriptionRu: 'учитель-предметник', canSignIn: true });
  }
  if (classTeacher && classForClassTeacher) {
    logins.push({
      login: 'classteacher',
      personKey: classTeacher,
      roles: ['teacher'],
      descriptionRu: `классный руководитель ${classForClassTeacher.grade}${classForClassTeacher.letter}`,
      canSignIn: true,
    });
  }
  if (firstGrade?.classTeacherKey) {
    logins.push({
      login: 'primary',
      personKey: firstGrade.classTeacherKey,
      roles: ['teacher'],
      descriptionRu: `учитель начальных классов, ${firstGrade.grade}${firstGrade.letter} (без отметок)`,
      canSignIn: true,
    });
  }
  const enrolledNow = new Set(current.enrollments.filter((e) => e.to === null).map((e) => e.studentKey));
  const inClassTeachersClass = new Set(
    current.enrollments.filter((e) => e.classKey === classForClassTeacher?.key).map((e) => e.studentKey),
  );
  const family =
    families.find((f) => f.childKeys.filter((c) => enrolledNow.has(c)).length >= 2 && f.childKeys.some((c) => inClassTeachersClass.has(c))) ??
    families.find((f) => f.childKeys.some((c) => inClassTeachersClass.has(c))) ??
    families.find((f) => f.childKeys.some((c) => enrolledNow.has(c)));
  if (family) {
    logins.push({ login: 'parent', personKey: family.parentKeys[0]!, roles: ['parent'], descriptionRu: 'родитель', canSignIn: true });
  }
  const student = [...inClassTeachersClass][0];
  if (student) {
    logins.push({ login: 'student', personKey: student, roles: ['student'], descriptionRu: 'обучающийся (вход запрещён)', canSignIn: true });
  }
  const named = new Set(logins.map((l) => l.personKey));
  teacherKeys
    .filter((key) => !named.has(key))
    .forEach((personKey, index) =>
      logins.push({ login: `teacher${String(index + 1).padStart(2, '0')}`, personKey, roles: ['teacher'], descriptionRu: 'учитель', canSignIn: true }),
    );
  let parentNumber = 0;
  for (const f of families) {
    for (const personKey of f.parentKeys.filter((key) => !named.has(key))) {
      parentNumber += 1;
      const inDemoClass = f.childKeys.some((c) => inClassTeachersClass.has(c));
      logins.push({
        login: `parent${String(parentNumber).padStart(4, '0')}`,
        personKey,
        roles: ['parent'],
        descriptionRu: 'родитель',
        canSignIn: inDemoClass,
      });
    }
  }
  return logins;
}
