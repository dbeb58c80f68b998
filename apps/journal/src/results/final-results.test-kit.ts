import { randomUUID } from 'node:crypto';
import {
  type AcademicYear,
  type Actor,
  IdentityRpc,
  type Lesson,
  PlanningRpc,
  type Role,
  SYSTEM_SEED_ACTOR,
} from '#contracts';
import type { RpcClient } from '#platform';

const AS_SYSTEM = { actor: SYSTEM_SEED_ACTOR, timeoutMs: 60_000 };
const MONDAY = 1;
const TUESDAY = 2;
const WEDNESDAY = 3;
const THURSDAY = 4;

type PersonKey = 'teacherA' | 'teacherB' | 'classTeacher' | 'orlova' | 'yakovlev' | 'zaitsev' | 'belova' | 'malysh';
type PageKey = 'math6a' | 'math6b' | 'orkse6a' | 'math1a';

/**
 * A school for period and year results, loaded through identity's and planning's own commands as the system, in
 * 2026/2027 (quarters for grades 1–9). 6А and 6Б learn mathematics (6А's teacher A, 6Б's teacher B); 6А also has the
 * unmarked ОРКСЭ; 1А has mathematics too. Orlova and Belova stay in 6А all year; Yakovlev moves from 6А to 6Б on
 * 23 November (R-CAL-4); Zaitsev leaves the school on 20 November; Malysh is in 1А. Kinds of work: an answer counts
 * once, a test (контрольная) twice.
 */
export interface ResultsWorld {
  schoolId: string;
  year: AcademicYear;
  people: Record<PersonKey, string>;
  pages: Record<PageKey, string>;
  classes: Record<'a6' | 'b6', string>;
  /** The lesson of a page on a date (the first one that day). */
  lessonOn(page: PageKey, date: string): string;
  /** A person of the school acting with a role; teachers and the class teacher as themselves. */
  actor(role: Role, who?: PersonKey): Actor;
  periodNamed(nameRu: string): AcademicYear['periods'][number];
}

export async function loadResultsWorld(rpc: RpcClient): Promise<ResultsWorld> {
  const call: RpcClient['call'] = (definition, payload) => rpc.call(definition, payload, AS_SYSTEM);
  const key = randomUUID().slice(0, 8);
  const { id: schoolId } = await call(IdentityRpc.upsertSchool, {
    externalKey: `results:${key}`,
    name: 'МБОУ «СОШ № 5»',
    timeZone: 'Asia/Yekaterinburg',
    markScaleMin: 2,
    workKinds: [
      { code: 'answer', nameRu: 'Ответ на уроке', weight: '1' },
      { code: 'test', nameRu: 'Контрольная работа', weight: '2' },
    ],
  });
  const names: Record<PersonKey, [string, string, string]> = {
    teacherA: ['Смирнова', 'Ольга', 'Викторовна'],
    teacherB: ['Кузнецов', 'Андрей', 'Павлович'],
    classTeacher: ['Орлова', 'Елена', 'Сергеевна'],
    orlova: ['Орлова', 'Мария', 'Игоревна'],
    yakovlev: ['Яковлев', 'Юрий', 'Денисович'],
    zaitsev: ['Зайцев', 'Пётр', 'Ильич'],
    belova: ['Белова', 'Анна', 'Олеговна'],
    malysh: ['Малышев', 'Иван', 'Петрович'],
  };
  const { ids: personIds } = await call(IdentityRpc.upsertPeople, {
    people: Object.entries(names).map(([person, [lastName, firstName, middleName]]) => ({
      externalKey: `results:${key}:${person}`,
      lastName,
      firstName,
      middleName,
    })),
  });
  const people = Object.fromEntries(Object.keys(names).map((person) => [person, personIds[`results:${key}:${person}`]!])) as Record<
    PersonKey,
    string
  >;
  const { ids: classIds } = await call(IdentityRpc.upsertClasses, {
    schoolId,
    classes: [
      { externalKey: `results:${key}:6a`, academicYear: '2026/2027', grade: 6, letter: 'А', classTeacherId: people.classTeacher },
      { externalKey: `results:${key}:6b`, academicYear: '2026/2027', grade: 6, letter: 'Б', classTeacherId: null },
      { externalKey: `results:${key}:1a`, academicYear: '2026/2027', grade: 1, letter: 'А', classTeacherId: null },
    ],
  });
  const classes = { a6: classIds[`results:${key}:6a`]!, b6: classIds[`results:${key}:6b`]! };
  const class1a = classIds[`results:${key}:1a`]!;
  await call(IdentityRpc.upsertEnrollments, {
    enrollments: [
      { studentId: people.orlova, classId: classes.a6, from: '2026-09-01', to: null },
      { studentId: people.belova, classId: classes.a6, from: '2026-09-01', to: null },
      { studentId: people.yakovlev, classId: classes.a6, from: '2026-09-01', to: '2026-11-22' },
      { studentId: people.yakovlev, classId: classes.b6, from: '2026-11-23', to: null },
      { studentId: people.zaitsev, classId: classes.a6, from: '2026-09-01', to: '2026-11-20' },
      { studentId: people.malysh, classId: class1a, from: '2026-09-01', to: null },
    ],
  });
  const page = (name: PageKey, classId: string, subjectCode: string, teacherId: string) => ({
    externalKey: `results:${key}:page:${name}`,
    classId,
    groupId: null,
    subjectCode,
    assignments: [{ teacherId, from: '2026-09-01', to: null }],
  });
  const { ids: pageIds } = await call(IdentityRpc.upsertPages, {
    schoolId,
    pages: [
      page('math6a', classes.a6, 'math', people.teacherA),
      page('math6b', classes.b6, 'math', people.teacherB),
      page('orkse6a', classes.a6, 'orkse', people.teacherA),
      page('math1a', class1a, 'math', people.teacherA),
    ],
  });
  const pages = Object.fromEntries(
    (['math6a', 'math6b', 'orkse6a', 'math1a'] as const).map((name) => [name, pageIds[`results:${key}:page:${name}`]!]),
  ) as Record<PageKey, string>;

  await call(PlanningRpc.upsertSubjects, {
    schoolId,
    subjects: [
      { code: 'math', nameRu: 'Математика', marked: true },
      { code: 'orkse', nameRu: 'Основы религиозных культур и светской этики', marked: false },
    ],
  });
  await call(PlanningRpc.setBells, {
    schoolId,
    bells: [
      { lessonNumber: 1, start: '08:30', end: '09:10' },
      { lessonNumber: 2, start: '09:20', end: '10:00' },
      { lessonNumber: 3, start: '10:10', end: '10:50' },
    ],
  });
  const quarter = (number: number, nameRu: string, start: string, end: string) =>
    ({ kind: 'quarter', number, nameRu, start, end, gradeFrom: 1, gradeTo: 9 }) as const;
  const year = await call(PlanningRpc.upsertYear, {
    schoolId,
    label: '2026/2027',
    start: '2026-09-01',
    end: '2027-05-31',
    derived: false,
    daysPerWeek: 5,
    periods: [
      quarter(1, 'I четверть', '2026-09-01', '2026-10-23'),
      quarter(2, 'II четверть', '2026-11-05', '2026-12-28'),
      quarter(3, 'III четверть', '2027-01-11', '2027-03-19'),
      quarter(4, 'IV четверть', '2027-03-30', '2027-05-31'),
    ],
    breaks: [],
    daysOff: [],
    workingWeekendDays: [],
  });
  const slot = (pageId: string, subjectCode: string, weekday: number, lessonNumber: number) =>
    ({ pageId, groupId: null, subjectCode, weekday, lessonNumber }) as const;
  await call(PlanningRpc.replaceTimetable, {
    yearId: year.id,
    classes: [
      {
        classId: classes.a6,
        grade: 6,
        slots: [slot(pages.math6a, 'math', MONDAY, 1), slot(pages.math6a, 'math', THURSDAY, 1), slot(pages.orkse6a, 'orkse', WEDNESDAY, 2)],
      },
      { classId: classes.b6, grade: 6, slots: [slot(pages.math6b, 'math', TUESDAY, 1), slot(pages.math6b, 'math', THURSDAY, 2)] },
      { classId: class1a, grade: 1, slots: [slot(pages.math1a, 'math', THURSDAY, 3)] },
    ],
  });
  await call(PlanningRpc.generateLessons, { yearId: year.id });
  const { lessons } = await call(PlanningRpc.lessonsOfPages, { pageIds: Object.values(pages), from: '2026-09-01', to: '2027-05-31' });
  const lessonOn = (name: PageKey, date: string): string => {
    const found = lessons.find((lesson: Lesson) => lesson.pageId === pages[name] && lesson.date === date);
    if (!found) throw new Error(`No lesson of ${name} on ${date}`);
    return found.id;
  };
  const actor = (role: Role, who?: PersonKey): Actor => ({
    kind: 'person',
    accountId: randomUUID(),
    personId: who ? people[who] : randomUUID(),
    grants: [{ role, schoolId }],
  });
  const periodNamed = (nameRu: string) => {
    const found = year.periods.find((period) => period.nameRu === nameRu);
    if (!found) throw new Error(`No period ${nameRu}`);
    return found;
  };
  return { schoolId, year, people, pages, classes, lessonOn, actor, periodNamed };
}
