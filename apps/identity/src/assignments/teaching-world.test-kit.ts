import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from '@jest/globals';
import { DataSource } from 'typeorm';
import { type Actor, IdentityRpc, type Role } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { identityServiceSpec } from '../identity.service-spec.js';
import { AS_SYSTEM, loadPeople, loadSchool, personActor } from '../identity.test-kit.js';

export const PEOPLE = {
  outgoing: 'Кравцова Нина Ивановна',
  incoming: 'Фролов Игорь Петрович',
  classTeacher: 'Орлова Елена Сергеевна',
  colleague: 'Соколов Денис Павлович',
  substitute: 'Миронова Дарья Олеговна',
  deputy: 'Лебедева Ольга Николаевна',
  director: 'Гусев Аркадий Львович',
  coordinator: 'Зайцева Инна Михайловна',
  sysadmin: 'Тарасов Глеб Игоревич',
  otherDeputy: 'Медведева Раиса Петровна',
  otherTeacher: 'Ершов Савва Ильич',
  parent: 'Егорова Светлана Юрьевна',
  student: 'Егоров Антон Ильич',
  otherStudent: 'Жуков Борис Олегович',
  noAccount: 'Пахомов Лев Андреевич',
} as const;
export type PersonKey = keyof typeof PEOPLE;

/** Roles of each person with an account: in school A unless the role's school says B. */
const ROLES: Partial<Record<PersonKey, { role: Role; school: 'a' | 'b' }>> = {
  outgoing: { role: 'teacher', school: 'a' },
  incoming: { role: 'teacher', school: 'a' },
  classTeacher: { role: 'teacher', school: 'a' },
  colleague: { role: 'teacher', school: 'a' },
  substitute: { role: 'teacher', school: 'a' },
  deputy: { role: 'deputy', school: 'a' },
  director: { role: 'director', school: 'a' },
  coordinator: { role: 'coordinator', school: 'a' },
  sysadmin: { role: 'sysadmin', school: 'a' },
  otherDeputy: { role: 'deputy', school: 'b' },
  otherTeacher: { role: 'teacher', school: 'b' },
  parent: { role: 'parent', school: 'a' },
  student: { role: 'student', school: 'a' },
};

export interface TeachingWorld {
  /** Keeps this world's external keys apart; subjects are `test|<key>|<person>`. */
  key: string;
  schoolA: string;
  schoolB: string;
  people: Record<PersonKey, string>;
  /** 6А of school A (class teacher: classTeacher) and 6Б of school B. */
  classA: string;
  classB: string;
  /** Math of 6А, taught by `outgoing` from 1 September; Russian of 6А, by `colleague`; math of 6Б (school B). */
  mathA: string;
  russianA: string;
  mathB: string;
  roleOf(person: PersonKey): { role: Role; schoolId: string };
}

/**
 * Two schools loaded through identity's own commands: in school A a class with its class teacher, two pages of two
 * teachers, a student with a parent; in school B a class, a page and a student. `key` keeps external keys apart.
 */
export async function loadTeachingWorld(rpc: RpcClient, key = randomUUID().slice(0, 8)): Promise<TeachingWorld> {
  const schoolA = await loadSchool(rpc, `test:school:${key}:a`);
  const schoolB = await loadSchool(rpc, `test:school:${key}:b`);
  const people = await loadPeople(
    rpc,
    Object.fromEntries(Object.entries(PEOPLE).map(([person, name]) => [`${key}:${person}`, name])) as Record<string, string>,
  );
  const idOf = Object.fromEntries(Object.keys(PEOPLE).map((person) => [person, people[`${key}:${person}`]!])) as Record<PersonKey, string>;
  const schoolOf = (school: 'a' | 'b') => (school === 'a' ? schoolA : schoolB);
  await rpc.call(
    IdentityRpc.upsertAccounts,
    {
      accounts: Object.entries(ROLES).map(([person, grant]) => ({
        externalKey: `test:account:${key}:${person}`,
        personId: idOf[person as PersonKey],
        subject: `test|${key}|${person}`,
        grants: [{ role: grant.role, schoolId: schoolOf(grant.school) }],
      })),
    },
    AS_SYSTEM,
  );
  const classA = (
    await rpc.call(
      IdentityRpc.upsertClasses,
      {
        schoolId: schoolA,
        classes: [{ externalKey: `test:class:${key}:6a`, academicYear: '2026/2027', grade: 6, letter: 'А', classTeacherId: idOf.classTeacher }],
      },
      AS_SYSTEM,
    )
  ).ids[`test:class:${key}:6a`]!;
  const classB = (
    await rpc.call(
      IdentityRpc.upsertClasses,
      {
        schoolId: schoolB,
        classes: [{ externalKey: `test:class:${key}:6b`, academicYear: '2026/2027', grade: 6, letter: 'Б', classTeacherId: null }],
      },
      AS_SYSTEM,
    )
  ).ids[`test:class:${key}:6b`]!;
  await rpc.call(
    IdentityRpc.upsertEnrollments,
    {
      enrollments: [
        { studentId: idOf.student, classId: classA, from: '2026-09-01', to: null },
        { studentId: idOf.otherStudent, classId: classB, from: '2026-09-01', to: null },
      ],
    },
    AS_SYSTEM,
  );
  await rpc.call(IdentityRpc.upsertGuardianships, { guardianships: [{ parentId: idOf.parent, studentId: idOf.student }] }, AS_SYSTEM);
  const pageOf = (
    schoolId: string,
    classId: string,
    name: string,
    subjectCode: string,
    teacherId: string,
  ) => ({
    schoolId,
    pages: [
      {
        externalKey: `test:page:${key}:${name}`,
        classId,
        groupId: null,
        subjectCode,
        assignments: [{ teacherId, from: '2026-09-01', to: null }],
      },
    ],
  });
  const loadPage = async (request: ReturnType<typeof pageOf>) =>
    Object.values((await rpc.call(IdentityRpc.upsertPages, request, AS_SYSTEM)).ids)[0]!;
  const mathA = await loadPage(pageOf(schoolA, classA, 'math-a', 'math', idOf.outgoing));
  const russianA = await loadPage(pageOf(schoolA, classA, 'russian-a', 'russian', idOf.colleague));
  const mathB = await loadPage(pageOf(schoolB, classB, 'math-b', 'math', idOf.otherTeacher));
  return {
    key,
    schoolA,
    schoolB,
    people: idOf,
    classA,
    classB,
    mathA,
    russianA,
    mathB,
    roleOf: (person) => {
      const grant = ROLES[person];
      if (!grant) throw new Error(`${person} has no account in the teaching world`);
      return { role: grant.role, schoolId: schoolOf(grant.school) };
    },
  };
}

/** Identity running on its own test deployment with a teaching world loaded; fields are set in `beforeAll`. */
export interface TeachingWorldHarness {
  identity: RunningService;
  rpc: RpcClient;
  dataSource: DataSource;
  world: TeachingWorld;
  /** The actor of a person of the world, with their one role. */
  as(person: PersonKey): Actor;
}

/** Registers `beforeAll`/`afterAll` that start identity, load a teaching world and stop it all. */
export function useTeachingWorld(): TeachingWorldHarness {
  let deployment: TestDeployment | undefined;
  const harness = {
    as: (person: PersonKey): Actor => personActor(harness.world.people[person], [harness.world.roleOf(person)]),
  } as TeachingWorldHarness;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    harness.identity = await startTestService(identityServiceSpec, deployment);
    harness.rpc = harness.identity.app.get(RpcClient);
    harness.dataSource = harness.identity.app.get(DataSource);
    harness.world = await loadTeachingWorld(harness.rpc);
  });

  afterAll(async () => {
    await harness.identity?.close();
    await deployment?.dispose();
  });

  return harness;
}
