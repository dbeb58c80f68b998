import { randomUUID } from 'node:crypto';
import { type Actor, IdentityRpc, PlanningRpc, type Role, SYSTEM_SEED_ACTOR } from '#contracts';
import type { RpcClient } from '#platform';
import { schoolYear2025 } from './school-year-2025-2026.fixture.js';

const AS_SYSTEM = { actor: SYSTEM_SEED_ACTOR };

/** Slots of a class's week as `weekday: [lesson 1 subject, lesson 2 subject, …]`. */
export type WeekOfSubjects = Record<number, string[]>;

/**
 * 5А's week: mathematics and Russian most days; on Wednesday both between literature lessons; history once a week
 * (Monday's last lesson, which the rule on first and last lessons allows for a subject with one lesson a week).
 */
export const WEEK_OF_5A: WeekOfSubjects = {
  1: ['russian', 'math', 'russian', 'math', 'history'],
  2: ['math', 'russian', 'math', 'russian'],
  3: ['literature', 'math', 'russian', 'literature'],
  4: ['math', 'russian', 'math', 'russian'],
  5: ['russian', 'math', 'math', 'russian'],
};

export interface PlanWorldClass {
  classId: string;
  name: string;
  /** Page ids by subject code. */
  pages: Record<string, string>;
}

/** A school of identity and planning, loaded through their own commands as the system (the year 2025/26). */
export interface PlanWorld {
  schoolId: string;
  yearId: string;
  people: { teacher: string; colleague: string; deputy: string; coordinator: string; classTeacher: string };
  actors: { teacher: Actor; colleague: Actor; deputy: Actor; coordinator: Actor; classTeacher: Actor; sysadmin: Actor };
  /** 5А: math (the teacher's), Russian, literature and history (the colleague's), with WEEK_OF_5A. */
  class5a: PlanWorldClass;
  /** Adds a class of grade 5 with pages of the given subjects (math the teacher's, others the colleague's). */
  addClass(letter: string, week: WeekOfSubjects, options?: { generate?: boolean }): Promise<PlanWorldClass>;
}

export const SUBJECTS = [
  { code: 'math', nameRu: 'Математика', marked: true },
  { code: 'russian', nameRu: 'Русский язык', marked: true },
  { code: 'history', nameRu: 'История', marked: true },
  { code: 'literature', nameRu: 'Литература', marked: true },
];

export function slotsOf(week: WeekOfSubjects, pages: Record<string, string>) {
  return Object.entries(week).flatMap(([weekday, subjects]) =>
    subjects.map((subjectCode, index) => ({ pageId: pages[subjectCode]!, subjectCode, weekday: Number(weekday), lessonNumber: index + 1 })),
  );
}

/** Loads a school (time zone Asia/Yekaterinburg), its staff, 5А with its pages, the 2025/26 year and 5А's timetable. */
export async function loadPlanWorld(rpc: RpcClient): Promise<PlanWorld> {
  const key = randomUUID().slice(0, 8);
  const { id: schoolId } = await rpc.call(
    IdentityRpc.upsertSchool,
    {
      externalKey: `plans:${key}`,
      name: 'МБОУ «СОШ № 3» г. Сургут',
      timeZone: 'Asia/Yekaterinburg',
      markScaleMin: 2,
      workKinds: [{ code: 'answer', nameRu: 'Ответ на уроке', weight: '1' }],
    },
    AS_SYSTEM,
  );
  const names = {
    teacher: ['Соболева', 'Ирина', 'Петровна'],
    colleague: ['Гайнуллин', 'Ринат', 'Фаритович'],
    deputy: ['Мельникова', 'Ольга', 'Юрьевна'],
    coordinator: ['Ахмедова', 'Лейла', 'Руслановна'],
    classTeacher: ['Ковалёва', 'Дарья', 'Андреевна'],
  } as const;
  const { ids } = await rpc.call(
    IdentityRpc.upsertPeople,
    {
      people: Object.entries(names).map(([person, [lastName, firstName, middleName]]) => ({
        externalKey: `plans:${key}:${person}`,
        lastName,
        firstName,
        middleName,
      })),
    },
    AS_SYSTEM,
  );
  const person = (name: keyof typeof names) => ids[`plans:${key}:${name}`]!;
  const people = {
    teacher: person('teacher'),
    colleague: person('colleague'),
    deputy: person('deputy'),
    coordinator: person('coordinator'),
    classTeacher: person('classTeacher'),
  };
  const roles: Record<keyof typeof names, Role> = {
    teacher: 'teacher',
    colleague: 'teacher',
    deputy: 'deputy',
    coordinator: 'coordinator',
    classTeacher: 'teacher',
  };
  const { ids: accountIds } = await rpc.call(
    IdentityRpc.upsertAccounts,
    {
      accounts: (Object.keys(names) as Array<keyof typeof names>).map((name) => ({
        externalKey: `plans:${key}:account:${name}`,
        personId: person(name),
        subject: `plans|${key}|${name}`,
        grants: [{ role: roles[name], schoolId }],
      })),
    },
    AS_SYSTEM,
  );
  const accountOf = new Map((Object.keys(names) as Array<keyof typeof names>).map((name) => [person(name), accountIds[`plans:${key}:account:${name}`]!]));
  const actor = (personId: string, role: Role): Actor => ({
    kind: 'person',
    accountId: accountOf.get(personId) ?? randomUUID(),
    personId,
    grants: [{ role, schoolId }],
  });

  await rpc.call(PlanningRpc.upsertSubjects, { schoolId, subjects: SUBJECTS }, AS_SYSTEM);
  await rpc.call(
    PlanningRpc.setBells,
    {
      schoolId,
      bells: [
        { lessonNumber: 1, start: '08:30', end: '09:10' },
        { lessonNumber: 2, start: '09:20', end: '10:00' },
        { lessonNumber: 3, start: '10:20', end: '11:00' },
        { lessonNumber: 4, start: '11:20', end: '12:00' },
        { lessonNumber: 5, start: '12:10', end: '12:50' },
        { lessonNumber: 6, start: '13:00', end: '13:40' },
      ],
    },
    AS_SYSTEM,
  );
  const { id: yearId } = await rpc.call(PlanningRpc.upsertYear, schoolYear2025(schoolId), AS_SYSTEM);

  const addClass = async (letter: string, week: WeekOfSubjects, options: { generate?: boolean } = {}): Promise<PlanWorldClass> => {
    const classKey = `plans:${key}:class:5${letter}`;
    const { ids: classIds } = await rpc.call(
      IdentityRpc.upsertClasses,
      { schoolId, classes: [{ externalKey: classKey, academicYear: '2025/2026', grade: 5, letter, classTeacherId: people.classTeacher }] },
      AS_SYSTEM,
    );
    const classId = classIds[classKey]!;
    const subjects = [...new Set(Object.values(week).flat())];
    const { ids: pageIds } = await rpc.call(
      IdentityRpc.upsertPages,
      {
        schoolId,
        pages: subjects.map((subjectCode) => ({
          externalKey: `${classKey}:${subjectCode}`,
          classId,
          groupId: null,
          subjectCode,
          assignments: [{ teacherId: subjectCode === 'math' ? people.teacher : people.colleague, from: '2025-09-01', to: null }],
        })),
      },
      AS_SYSTEM,
    );
    const pages = Object.fromEntries(subjects.map((subjectCode) => [subjectCode, pageIds[`${classKey}:${subjectCode}`]!]));
    await rpc.call(PlanningRpc.replaceTimetable, { yearId, classes: [{ classId, grade: 5, slots: slotsOf(week, pages) }] }, AS_SYSTEM);
    if (options.generate !== false) await rpc.call(PlanningRpc.generateLessons, { yearId }, AS_SYSTEM);
    return { classId, name: `5${letter}`, pages };
  };

  const class5a = await addClass('А', WEEK_OF_5A);
  return {
    schoolId,
    yearId,
    people,
    actors: {
      teacher: actor(people.teacher, 'teacher'),
      colleague: actor(people.colleague, 'teacher'),
      deputy: actor(people.deputy, 'deputy'),
      coordinator: actor(people.coordinator, 'coordinator'),
      classTeacher: actor(people.classTeacher, 'teacher'),
      sysadmin: actor(randomUUID(), 'sysadmin'),
    },
    class5a,
    addClass,
  };
}
