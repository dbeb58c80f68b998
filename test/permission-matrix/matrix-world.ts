import { randomUUID } from 'node:crypto';
import {
  AbsenceNoticesRpc,
  type AcademicYear,
  ApiClientsRpc,
  AttendanceRpc,
  IdentityRpc,
  JournalRpc,
  type Lesson,
  PlanningRpc,
  type Relation,
  type ResolvedAccount,
  type Role,
  SYSTEM_SEED_ACTOR,
  ThematicPlanRpc,
} from '#contracts';
import type { RpcClient } from '#platform';
import type { ResourceKind } from '#policy';
import { putDevIdpUser } from '#testing';
import { type AdminFixtures, loadAdminFixtures } from './admin-fixtures.js';

/** Thursday 3 December 2026, second quarter. */
export const TODAY = '2026-12-03';
/** Math of 6А passes from its first teacher (the predecessor) to the teacher on this Monday (R-ACC-3). */
export const HANDOVER = '2026-11-16';
/** A Thursday before the handover: the predecessor's lesson, with their topic and mark. */
export const EARLIER = '2026-11-12';
export const WEEK = '2026-11-30';
/** Thursdays after today whose lessons the routes of one-off changes cancel (next week) and move (the week after). */
export const NEXT_WEEK = '2026-12-10';
export const LATER = '2026-12-17';
export const PASSWORD = 'matrix-пароль';
/** The plan every page starts with; the routes of plans save it again (which changes nothing). */
export const MATRIX_PLAN_TOPICS = [
  { title: 'Повторение', hours: 2, plannedDate: null, kind: 'lesson' as const },
  { title: 'Контрольная работа № 1', hours: 1, plannedDate: null, kind: 'control-work' as const },
];

/** Who calls the API in the matrix: nobody, and one person per role and relation. */
export const PERSONAS = [
  'anonymous',
  'teacher',
  'predecessor',
  'substitute',
  'classTeacher',
  'deputy',
  'director',
  'coordinator',
  'sysadmin',
  'parent',
  'student',
] as const;
export type Persona = (typeof PERSONAS)[number];
export type SignedInPersona = Exclude<Persona, 'anonymous'>;

type PersonKey = SignedInPersona | 'colleague' | 'studentA2' | 'otherParent' | 'teacherB' | 'studentB' | 'leaver' | 'spare';

/** Invented people; those with a role have an account in school A (or B) and sign in with their key as login. */
const PEOPLE: Record<PersonKey, { name: [string, string, string]; role?: Role; school?: 'b' }> = {
  teacher: { name: ['Фролов', 'Игорь', 'Петрович'], role: 'teacher' },
  predecessor: { name: ['Кравцова', 'Нина', 'Ивановна'], role: 'teacher' },
  substitute: { name: ['Миронова', 'Дарья', 'Олеговна'], role: 'teacher' },
  classTeacher: { name: ['Орлова', 'Елена', 'Сергеевна'], role: 'teacher' },
  colleague: { name: ['Соколов', 'Денис', 'Павлович'], role: 'teacher' },
  deputy: { name: ['Лебедева', 'Ольга', 'Николаевна'], role: 'deputy' },
  director: { name: ['Гусев', 'Аркадий', 'Львович'], role: 'director' },
  coordinator: { name: ['Зайцева', 'Инна', 'Михайловна'], role: 'coordinator' },
  sysadmin: { name: ['Тарасов', 'Глеб', 'Игоревич'], role: 'sysadmin' },
  parent: { name: ['Егорова', 'Светлана', 'Юрьевна'], role: 'parent' },
  student: { name: ['Егоров', 'Антон', 'Ильич'], role: 'student' },
  studentA2: { name: ['Абрамова', 'Алла', 'Сергеевна'] },
  otherParent: { name: ['Абрамов', 'Сергей', 'Ильич'], role: 'parent' },
  teacherB: { name: ['Ершов', 'Савва', 'Ильич'], role: 'teacher', school: 'b' },
  studentB: { name: ['Жуков', 'Борис', 'Олегович'] },
  /** Left the school in September: the one student the administration archives. */
  leaver: { name: ['Петухов', 'Илья', 'Игоревич'] },
  /** A teacher whose account the administrators revoke and restore. */
  spare: { name: ['Запасова', 'Елена', 'Игоревна'], role: 'teacher' },
};

/** A resource the matrix asks about, with the relation of each persona to it as the fixture made it. */
export interface KnownResource {
  kind: ResourceKind;
  id: string;
  schoolId: string;
  relations: Partial<Record<Persona, Relation[]>>;
}

export type ResourceKey =
  | 'lesson:math-a-substituted'
  | 'lesson:math-a-second'
  | 'lesson:russian-a'
  | 'lesson:math-b'
  | 'lesson:math-a-to-cancel'
  | 'lesson:russian-a-to-cancel'
  | 'lesson:math-a-to-move'
  | 'lesson:russian-a-to-move'
  | 'page:math-a'
  | 'page:russian-a'
  | 'page:math-b'
  | 'student:a'
  | 'student:a2'
  | 'student:b'
  | 'class:6a'
  | 'class:7a'
  | 'class:6b'
  | 'school:a'
  | 'school:b'
  | 'class:old-a'
  | 'account:a'
  | 'account:spare-a'
  | 'account:b'
  | 'person:student-a'
  | 'person:student-a2'
  | 'person:student-b'
  | 'person:leaver';

export interface MatrixWorld {
  schoolA: string;
  schoolB: string;
  people: Record<PersonKey, string>;
  resources: Record<ResourceKey, KnownResource>;
  /** Math of 6А on the Thursday before the handover. */
  earlierLesson: string;
  /** A machine client of school A that the administrators may revoke (again). */
  apiClientId: string;
  /** What the routes of accounts, personal data and the roster work on (./admin-fixtures.ts). */
  admin: AdminFixtures;
  /** The parent's pending notice of their child's absence tomorrow, for the class teacher to decide (R-ATT-1). */
  absenceNoticeId: string;
  /** The 2026/2027 year of each school with its quarters (the first one is what the period routes close and reopen). */
  years: Record<'a' | 'b', AcademicYear>;
  /**
   * Marks of the child on today's substituted math lesson, entered by the predecessor: the routes of marks change one
   * (again and again) and delete one per persona who may (R-MARK-7).
   */
  marks: { changed: string; deletedBy: Record<'teacher' | 'substitute', string> };
  accountOf(persona: SignedInPersona): ResolvedAccount;
}

const TEACHES_MATH_A: Partial<Record<Persona, Relation[]>> = {
  teacher: ['page-teacher', 'page-teacher-ever'],
  predecessor: ['page-teacher-ever'],
  classTeacher: ['class-teacher'],
};

/**
 * Two schools loaded through the services' own commands, as the system. School A: 6А with its class teacher, math of
 * 6А (the predecessor's, handed to the teacher by the test) and Russian of 6А (a colleague's), a student of 6А with
 * a parent, a student of 7А; today three lessons in 6А. School B: 6Б with its math and a student.
 */
export async function loadMatrixWorld(rpc: RpcClient, devIdp: { url: string; adminToken: string }): Promise<MatrixWorld> {
  const call: RpcClient['call'] = (definition, payload) => rpc.call(definition, payload, { actor: SYSTEM_SEED_ACTOR, timeoutMs: 60_000 });
  const key = randomUUID().slice(0, 8);
  const schoolIdOf = async (name: string) =>
    (
      await call(IdentityRpc.upsertSchool, {
        externalKey: `matrix:${key}:${name}`,
        name: `МБОУ «СОШ № ${name}»`,
        timeZone: 'Asia/Yekaterinburg',
        markScaleMin: 2,
        workKinds: [{ code: 'answer', nameRu: 'Ответ на уроке', weight: '1' }],
      })
    ).id;
  const schoolA = await schoolIdOf('1');
  const schoolB = await schoolIdOf('2');
  const yearOf = async (schoolId: string) => {
    await call(PlanningRpc.upsertSubjects, {
      schoolId,
      subjects: [
        { code: 'math', nameRu: 'Математика', marked: true },
        { code: 'russian', nameRu: 'Русский язык', marked: true },
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
      ({ kind: 'quarter', number, nameRu, start, end, gradeFrom: 1, gradeTo: 11 }) as const;
    return call(PlanningRpc.upsertYear, {
      schoolId,
      label: '2026/2027',
      start: '2026-09-01',
      end: '2027-05-31',
      derived: false,
      daysPerWeek: 5,
      periods: [
        quarter(1, 'I четверть', '2026-09-01', '2026-10-25'),
        quarter(2, 'II четверть', '2026-11-05', '2026-12-28'),
        quarter(3, 'III четверть', '2027-01-11', '2027-03-21'),
        quarter(4, 'IV четверть', '2027-03-30', '2027-05-31'),
      ],
      breaks: [],
      daysOff: [],
      workingWeekendDays: [],
    });
  };
  const years = { a: await yearOf(schoolA), b: await yearOf(schoolB) };
  const yearA = years.a.id;
  const yearB = years.b.id;

  const { ids: personIds } = await call(IdentityRpc.upsertPeople, {
    people: Object.entries(PEOPLE).map(([person, { name }]) => ({
      externalKey: `matrix:${key}:${person}`,
      lastName: name[0],
      firstName: name[1],
      middleName: name[2],
    })),
  });
  const people = Object.fromEntries(Object.keys(PEOPLE).map((person) => [person, personIds[`matrix:${key}:${person}`]!])) as Record<
    PersonKey,
    string
  >;
  const schoolOf = (person: PersonKey) => (PEOPLE[person].school === 'b' ? schoolB : schoolA);
  const withRoles = (Object.keys(PEOPLE) as PersonKey[]).filter((person) => PEOPLE[person].role);
  const subjectOf = (person: PersonKey) => `matrix|${key}|${person}`;
  const { ids: accountIds } = await call(IdentityRpc.upsertAccounts, {
    accounts: withRoles.map((person) => ({
      externalKey: `matrix:${key}:account:${person}`,
      personId: people[person],
      subject: subjectOf(person),
      grants: [{ role: PEOPLE[person].role!, schoolId: schoolOf(person) }],
    })),
  });

  const classIds = async (schoolId: string, classes: Array<[string, number, string, string | null]>) =>
    (
      await call(IdentityRpc.upsertClasses, {
        schoolId,
        classes: classes.map(([name, grade, letter, classTeacherId]) => ({
          externalKey: `matrix:${key}:class:${name}`,
          academicYear: '2026/2027',
          grade,
          letter,
          classTeacherId,
        })),
      })
    ).ids;
  const classesA = await classIds(schoolA, [
    ['6a', 6, 'А', people.classTeacher],
    ['7a', 7, 'А', null],
    ['old-a', 5, 'Я', null],
  ]);
  const classesB = await classIds(schoolB, [['6b', 6, 'Б', null]]);
  const class6a = classesA[`matrix:${key}:class:6a`]!;
  const class7a = classesA[`matrix:${key}:class:7a`]!;
  const classOldA = classesA[`matrix:${key}:class:old-a`]!;
  const class6b = classesB[`matrix:${key}:class:6b`]!;
  await call(IdentityRpc.upsertEnrollments, {
    enrollments: [
      { studentId: people.student, classId: class6a, from: '2026-09-01', to: null },
      { studentId: people.studentA2, classId: class7a, from: '2026-09-01', to: null },
      { studentId: people.studentB, classId: class6b, from: '2026-09-01', to: null },
      { studentId: people.leaver, classId: class6a, from: '2026-09-01', to: '2026-09-15' },
      { studentId: people.leaver, classId: class7a, from: '2026-09-16', to: '2026-09-30' },
    ],
  });
  await call(IdentityRpc.upsertGuardianships, {
    guardianships: [
      { parentId: people.parent, studentId: people.student },
      { parentId: people.otherParent, studentId: people.studentA2 },
    ],
  });
  const pageIdOf = async (schoolId: string, name: string, classId: string, subjectCode: string, teacherId: string) =>
    Object.values(
      (
        await call(IdentityRpc.upsertPages, {
          schoolId,
          pages: [
            {
              externalKey: `matrix:${key}:page:${name}`,
              classId,
              groupId: null,
              subjectCode,
              assignments: [{ teacherId, from: '2026-09-01', to: null }],
            },
          ],
        })
      ).ids,
    )[0]!;
  const mathA = await pageIdOf(schoolA, 'math-6a', class6a, 'math', people.predecessor);
  const russianA = await pageIdOf(schoolA, 'russian-6a', class6a, 'russian', people.colleague);
  const mathB = await pageIdOf(schoolB, 'math-6b', class6b, 'math', people.teacherB);

  const THURSDAY = 4;
  const slot = (pageId: string, subjectCode: string, lessonNumber: number) =>
    ({ pageId, groupId: null, subjectCode, weekday: THURSDAY, lessonNumber }) as const;
  await call(PlanningRpc.replaceTimetable, {
    yearId: yearA,
    classes: [{ classId: class6a, grade: 6, slots: [slot(russianA, 'russian', 1), slot(mathA, 'math', 2), slot(mathA, 'math', 3)] }],
  });
  await call(PlanningRpc.replaceTimetable, { yearId: yearB, classes: [{ classId: class6b, grade: 6, slots: [slot(mathB, 'math', 2)] }] });
  await call(PlanningRpc.generateLessons, { yearId: yearA });
  await call(PlanningRpc.generateLessons, { yearId: yearB });
  // Every page has a plan (КТП) with a first revision: the routes of plans read it, its revisions and its progress.
  for (const pageId of [mathA, russianA, mathB]) {
    await call(ThematicPlanRpc.save, { pageId, topics: MATRIX_PLAN_TOPICS });
  }
  const { lessons } = await call(PlanningRpc.lessonsOfPages, { pageIds: [mathA, russianA, mathB], from: EARLIER, to: LATER });
  const lessonOn = (pageId: string, date: string, lessonNumber: number): string => {
    const found = lessons.find((lesson: Lesson) => lesson.pageId === pageId && lesson.date === date && lesson.lessonNumber === lessonNumber);
    if (!found) throw new Error(`No lesson of page ${pageId} on ${date} at ${lessonNumber}`);
    return found.id;
  };

  for (const persona of withRoles) {
    const [lastName, firstName] = PEOPLE[persona].name;
    await putDevIdpUser(devIdp.url, devIdp.adminToken, persona, { subject: subjectOf(persona), password: PASSWORD, name: `${firstName} ${lastName}` });
  }

  const known = (kind: ResourceKind, id: string, schoolId: string, relations: KnownResource['relations'] = {}): KnownResource => ({
    kind,
    id,
    schoolId,
    relations,
  });
  const resources: Record<ResourceKey, KnownResource> = {
    'lesson:math-a-substituted': known('page', lessonOn(mathA, TODAY, 2), schoolA, { ...TEACHES_MATH_A, substitute: ['lesson-substitute'] }),
    'lesson:math-a-second': known('page', lessonOn(mathA, TODAY, 3), schoolA, TEACHES_MATH_A),
    'lesson:russian-a': known('page', lessonOn(russianA, TODAY, 1), schoolA, { classTeacher: ['class-teacher'] }),
    'lesson:math-b': known('page', lessonOn(mathB, TODAY, 2), schoolB),
    // Lessons of the next two Thursdays that the routes of one-off changes cancel and move (R-PLAN-3).
    'lesson:math-a-to-cancel': known('page', lessonOn(mathA, NEXT_WEEK, 2), schoolA, TEACHES_MATH_A),
    'lesson:russian-a-to-cancel': known('page', lessonOn(russianA, NEXT_WEEK, 1), schoolA, { classTeacher: ['class-teacher'] }),
    'lesson:math-a-to-move': known('page', lessonOn(mathA, LATER, 2), schoolA, TEACHES_MATH_A),
    'lesson:russian-a-to-move': known('page', lessonOn(russianA, LATER, 1), schoolA, { classTeacher: ['class-teacher'] }),
    'page:math-a': known('page', mathA, schoolA, TEACHES_MATH_A),
    'page:russian-a': known('page', russianA, schoolA, { classTeacher: ['class-teacher'] }),
    'page:math-b': known('page', mathB, schoolB),
    'student:a': known('student', people.student, schoolA, { parent: ['guardian'], classTeacher: ['class-teacher'], student: ['self'] }),
    'student:a2': known('student', people.studentA2, schoolA),
    'student:b': known('student', people.studentB, schoolB),
    'class:6a': known('class', class6a, schoolA, { classTeacher: ['class-teacher'] }),
    'class:7a': known('class', class7a, schoolA),
    'class:6b': known('class', class6b, schoolB),
    // The class teacher leads a class of school A; the director is on its personal-data list (the fixtures put them there).
    'school:a': known('school', schoolA, schoolA, { classTeacher: ['class-teacher'], director: ['personal-data-staff'] }),
    'school:b': known('school', schoolB, schoolB),
    'class:old-a': known('class', classOldA, schoolA),
    'account:a': known('account', accountIds[`matrix:${key}:account:colleague`]!, schoolA),
    'account:spare-a': known('account', accountIds[`matrix:${key}:account:spare`]!, schoolA),
    'account:b': known('account', accountIds[`matrix:${key}:account:teacherB`]!, schoolB),
    // The director is on school A's personal-data list (the fixtures put them there).
    'person:student-a': known('person', people.student, schoolA, { parent: ['guardian'], student: ['self'], director: ['personal-data-staff'] }),
    'person:student-a2': known('person', people.studentA2, schoolA, { director: ['personal-data-staff'] }),
    'person:student-b': known('person', people.studentB, schoolB),
    'person:leaver': known('person', people.leaver, schoolA, { director: ['personal-data-staff'] }),
  };
  const accountOf = (persona: SignedInPersona): ResolvedAccount => {
    const [lastName, firstName, middleName] = PEOPLE[persona].name;
    return {
      accountId: accountIds[`matrix:${key}:account:${persona}`]!,
      personId: people[persona],
      name: { lastName, firstName, middleName },
      grants: [{ role: PEOPLE[persona].role!, schoolId: schoolOf(persona) }],
    };
  };
  const { client } = await rpc.call(
    ApiClientsRpc.create,
    { name: 'Муниципальный портал (матрица)', scopes: ['gradebook.readonly'], schoolIds: [schoolA] },
    { actor: { kind: 'person', ...pick(accountOf('sysadmin')) } },
  );
  const admin = await loadAdminFixtures(call, {
    schoolA,
    people,
    classes: { a6: class6a, a7: class7a, oldA: classOldA },
    colleagueSubject: subjectOf('colleague'),
  });
  // Attendance (R-ATT-1): the child is absent from today's second math lesson, for the class teacher to give a reason;
  // the parent has told the class teacher the child will be absent tomorrow.
  await call(AttendanceRpc.setEntry, { lessonId: resources['lesson:math-a-second'].id, studentId: people.student, status: 'absent' });
  const notice = await rpc.call(
    AbsenceNoticesRpc.send,
    { studentId: people.student, reason: 'illness', from: '2026-12-04', to: '2026-12-04' },
    { actor: { kind: 'person', ...pick(accountOf('parent')) } },
  );
  const predecessor = { actor: { kind: 'person' as const, ...pick(accountOf('predecessor')) } };
  const markOnSubstitutedLesson = async (value: number) =>
    (
      await rpc.call(
        JournalRpc.addMark,
        { lessonId: resources['lesson:math-a-substituted'].id, studentId: people.student, value, workKind: 'answer' },
        predecessor,
      )
    ).id;
  const marks = {
    changed: await markOnSubstitutedLesson(5),
    deletedBy: { teacher: await markOnSubstitutedLesson(3), substitute: await markOnSubstitutedLesson(2) },
  };
  return {
    schoolA,
    schoolB,
    people,
    resources,
    marks,
    earlierLesson: lessonOn(mathA, EARLIER, 2),
    apiClientId: client.id,
    admin,
    years,
    absenceNoticeId: notice.id,
    accountOf,
  };
}

function pick({ accountId, personId, grants }: ResolvedAccount) {
  return { accountId, personId, grants };
}

/** The person a persona is, as the gateway passes them to the services. */
export function actorOf(world: MatrixWorld, persona: SignedInPersona) {
  const { accountId, personId, grants } = world.accountOf(persona);
  return { kind: 'person' as const, accountId, personId, grants };
}
