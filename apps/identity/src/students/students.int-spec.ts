import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Actor, DomainError, ErrorCode, IdentityRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { FixedClock, type RunningService, RpcClient } from '#platform';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { identityServiceSpec } from '../identity.service-spec.js';
import { AS_SYSTEM, loadPeople, loadSchool, personActor } from '../identity.test-kit.js';

const MISSING_PERSON = '00000000-0000-4000-8000-000000000000';

/**
 * Two families in one school. Maxim moves from 7Б to 7А on 1 December; his sister Alisa is enrolled only from
 * 4 December (after "today", 3 December 2026); Ksenia of the other family is in 7А.
 */
async function loadFamilies(rpc: RpcClient) {
  const schoolId = await loadSchool(rpc, 'test:school:families');
  const otherSchoolId = await loadSchool(rpc, 'test:school:families-2');
  const people = await loadPeople(rpc, {
    mother: 'Белова Ирина Андреевна',
    maxim: 'Белов Максим Сергеевич',
    alisa: 'Белова Алиса Сергеевна',
    otherParent: 'Котов Роман Ильич',
    ksenia: 'Котова Ксения Романовна',
    leaderA: 'Орлова Елена Сергеевна',
    leaderB: 'Соколов Денис Павлович',
    deputy: 'Лебедева Ольга Николаевна',
  });
  const classIds = (
    await rpc.call(
      IdentityRpc.upsertClasses,
      {
        schoolId,
        classes: [
          { externalKey: 'test:class:7a', academicYear: '2026/2027', grade: 7, letter: 'А', classTeacherId: people.leaderA },
          { externalKey: 'test:class:7b', academicYear: '2026/2027', grade: 7, letter: 'Б', classTeacherId: people.leaderB },
          { externalKey: 'test:class:1a', academicYear: '2026/2027', grade: 1, letter: 'А', classTeacherId: null },
        ],
      },
      AS_SYSTEM,
    )
  ).ids;
  const classes = { a7: classIds['test:class:7a']!, b7: classIds['test:class:7b']!, a1: classIds['test:class:1a']! };
  await rpc.call(
    IdentityRpc.upsertEnrollments,
    {
      enrollments: [
        { studentId: people.maxim, classId: classes.b7, from: '2026-09-01', to: '2026-11-30' },
        { studentId: people.maxim, classId: classes.a7, from: '2026-12-01', to: null },
        { studentId: people.alisa, classId: classes.a1, from: '2026-12-04', to: null },
        { studentId: people.ksenia, classId: classes.a7, from: '2026-09-01', to: null },
      ],
    },
    AS_SYSTEM,
  );
  await rpc.call(
    IdentityRpc.upsertGuardianships,
    {
      guardianships: [
        { parentId: people.mother, studentId: people.maxim },
        { parentId: people.mother, studentId: people.alisa },
        { parentId: people.otherParent, studentId: people.ksenia },
      ],
    },
    AS_SYSTEM,
  );
  return { schoolId, otherSchoolId, people, classes };
}

async function refusalOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe('identity: who may read a student (R-REP-4)', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let rpc: RpcClient;
  let families: Awaited<ReturnType<typeof loadFamilies>>;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    rpc = identity.app.get(RpcClient);
    families = await loadFamilies(rpc);
  });

  afterAll(async () => {
    await identity?.close();
    await deployment?.dispose();
  });

  const parent = (personId: string) => personActor(personId, [{ role: 'parent', schoolId: families.schoolId }]);
  const accessOf = (studentId: string, date: string, actor: Actor) =>
    rpc.call(IdentityRpc.studentAccess, { studentId, date }, { actor });

  it('R-REP-4: a parent reads their own child, with the class the child was in on the date', async () => {
    const { people, classes, schoolId } = families;
    await expect(accessOf(people.maxim, '2026-12-03', parent(people.mother))).resolves.toEqual({
      student: {
        id: people.maxim,
        lastName: 'Белов',
        firstName: 'Максим',
        middleName: 'Сергеевич',
        schoolId,
        classId: classes.a7,
        className: '7А',
      },
    });
    await expect(accessOf(people.maxim, '2026-11-30', parent(people.mother))).resolves.toMatchObject({
      student: { classId: classes.b7, className: '7Б' },
    });
    await expect(accessOf(people.alisa, '2026-12-03', parent(people.mother))).resolves.toMatchObject({
      student: { id: people.alisa, schoolId: null, classId: null, className: null },
    });
  });

  it('R-REP-4: another family’s child gets exactly the answer for a child that does not exist', async () => {
    const { people } = families;
    const missing = await refusalOf(accessOf(MISSING_PERSON, '2026-12-03', parent(people.mother)));
    const stranger = await refusalOf(accessOf(people.ksenia, '2026-12-03', parent(people.mother)));

    expect(missing.toFailure()).toEqual({ code: ErrorCode.NotFound, message: 'Ученик не найден' });
    expect(stranger.toFailure()).toEqual(missing.toFailure());
  });

  it('the class teacher reads the students of their class on the date, and no others', async () => {
    const { people, schoolId } = families;
    const leaderA = personActor(people.leaderA, [{ role: 'teacher', schoolId }]);
    const leaderB = personActor(people.leaderB, [{ role: 'teacher', schoolId }]);
    const missing = await refusalOf(accessOf(MISSING_PERSON, '2026-12-03', leaderA));

    await expect(accessOf(people.maxim, '2026-12-03', leaderA)).resolves.toMatchObject({ student: { id: people.maxim } });
    await expect(accessOf(people.maxim, '2026-11-30', leaderB)).resolves.toMatchObject({ student: { id: people.maxim } });
    expect((await refusalOf(accessOf(people.maxim, '2026-11-30', leaderA))).toFailure()).toEqual(missing.toFailure());
    expect((await refusalOf(accessOf(people.maxim, '2026-12-03', leaderB))).toFailure()).toEqual(missing.toFailure());
  });

  it('the school management and the system read any student of the school; other roles do not', async () => {
    const { people, schoolId, otherSchoolId } = families;
    for (const actor of [
      personActor(people.deputy, [{ role: 'deputy', schoolId }]),
      personActor(people.deputy, [{ role: 'director', schoolId }]),
      personActor(people.deputy, [{ role: 'coordinator', schoolId }]),
      SYSTEM_SEED_ACTOR,
    ]) {
      await expect(accessOf(people.ksenia, '2026-12-03', actor)).resolves.toMatchObject({ student: { id: people.ksenia } });
    }
    const missing = await refusalOf(accessOf(MISSING_PERSON, '2026-12-03', SYSTEM_SEED_ACTOR));
    for (const actor of [
      personActor(people.deputy, [{ role: 'deputy', schoolId: otherSchoolId }]),
      personActor(people.deputy, [{ role: 'sysadmin', schoolId }]),
      personActor(people.deputy, [{ role: 'teacher', schoolId }]),
      personActor(people.maxim, [{ role: 'student', schoolId }]),
    ]) {
      expect((await refusalOf(accessOf(people.ksenia, '2026-12-03', actor))).toFailure()).toEqual(missing.toFailure());
    }
  });

  it('R-REP-4: a parent sees their children with the class each is in today', async () => {
    const { people, classes, schoolId } = families;
    await expect(
      rpc.call(IdentityRpc.childrenOfParent, { parentId: people.mother }, { actor: parent(people.mother) }),
    ).resolves.toEqual({
      children: [
        {
          id: people.maxim,
          lastName: 'Белов',
          firstName: 'Максим',
          middleName: 'Сергеевич',
          schoolId,
          classId: classes.a7,
          className: '7А',
        },
        {
          id: people.alisa,
          lastName: 'Белова',
          firstName: 'Алиса',
          middleName: 'Сергеевна',
          schoolId: null,
          classId: null,
          className: null,
        },
      ],
    });
  });

  it('R-REP-4: another parent or a teacher asking for someone’s children gets NOT_FOUND', async () => {
    const { people, schoolId } = families;
    for (const actor of [parent(people.otherParent), personActor(people.leaderA, [{ role: 'teacher', schoolId }])]) {
      await expect(
        rpc.call(IdentityRpc.childrenOfParent, { parentId: people.mother }, { actor }),
      ).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Родитель не найден' });
    }
  });

  it('R-REP-4: the system sees a parent\'s children; the school management reads students one by one, not through a parent', async () => {
    const { people, schoolId } = families;
    const bySystem = await rpc.call(IdentityRpc.childrenOfParent, { parentId: people.mother }, { actor: SYSTEM_SEED_ACTOR });
    expect(bySystem.children.map((child) => child.id)).toEqual([people.maxim, people.alisa]);
    await expect(
      rpc.call(
        IdentityRpc.childrenOfParent,
        { parentId: people.mother },
        { actor: personActor(people.deputy, [{ role: 'deputy', schoolId }]) },
      ),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Родитель не найден' });
    await expect(
      rpc.call(IdentityRpc.childrenOfParent, { parentId: MISSING_PERSON }, { actor: parent(people.mother) }),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Родитель не найден' });
  });
});

describe('identity: "today" of a parent’s children is the school’s date (R-CAL-2)', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let rpc: RpcClient;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    // 30 November 19:30 UTC is already 1 December, 00:30, in Yekaterinburg.
    identity = await startTestService(identityServiceSpec, deployment, new FixedClock(new Date('2026-11-30T19:30:00Z')));
    rpc = identity.app.get(RpcClient);
  });

  afterAll(async () => {
    await identity?.close();
    await deployment?.dispose();
  });

  it('R-CAL-2: just after midnight in the school, a child moved that day is shown in the new class', async () => {
    const { people, classes } = await loadFamilies(rpc);
    const { children } = await rpc.call(
      IdentityRpc.childrenOfParent,
      { parentId: people.mother },
      { actor: SYSTEM_SEED_ACTOR },
    );
    expect(children.find((child) => child.id === people.maxim)).toMatchObject({ classId: classes.a7, className: '7А' });
  });
});
