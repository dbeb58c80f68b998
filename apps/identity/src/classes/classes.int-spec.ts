import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { type Actor, DomainError, ErrorCode, IdentityEvents, IdentityRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { identityServiceSpec } from '../identity.service-spec.js';
import { AS_SYSTEM, loadPeople, loadSchool, outboxEvents, personActor } from '../identity.test-kit.js';

const MISSING_CLASS = '00000000-0000-4000-8000-000000000000';

describe('identity: classes', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let rpc: RpcClient;
  let dataSource: DataSource;
  let schoolId: string;
  let otherSchoolId: string;
  let people: Record<'leader' | 'colleague' | 'deputy' | 'parent', string>;
  let classIds: Record<string, string>;

  const classesOf = (leader: string) => [
    { externalKey: 'test:class:5a', academicYear: '2026/2027', grade: 5, letter: 'А', classTeacherId: leader },
    { externalKey: 'test:class:9b', academicYear: '2026/2027', grade: 9, letter: 'Б', classTeacherId: null },
    { externalKey: 'test:class:4a-old', academicYear: '2025/2026', grade: 4, letter: 'А', classTeacherId: leader },
  ];

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    rpc = identity.app.get(RpcClient);
    dataSource = identity.app.get(DataSource);
    schoolId = await loadSchool(rpc, 'test:school:classes');
    otherSchoolId = await loadSchool(rpc, 'test:school:classes-2');
    people = await loadPeople(rpc, {
      leader: 'Орлова Елена Сергеевна',
      colleague: 'Соколов Денис Павлович',
      deputy: 'Лебедева Ольга Николаевна',
      parent: 'Новиков Артём Юрьевич',
    });
    classIds = (await rpc.call(IdentityRpc.upsertClasses, { schoolId, classes: classesOf(people.leader) }, AS_SYSTEM))
      .ids;
  });

  afterAll(async () => {
    await identity?.close();
    await deployment?.dispose();
  });

  async function refusalOf(promise: Promise<unknown>): Promise<DomainError> {
    const error = await promise.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
    return error;
  }

  it('loading classes twice gives the same ids and one event; a class is named by grade and letter', async () => {
    const again = await rpc.call(IdentityRpc.upsertClasses, { schoolId, classes: classesOf(people.leader) }, AS_SYSTEM);

    expect(again.ids).toEqual(classIds);
    const events = await outboxEvents(dataSource, IdentityEvents.classesSaved);
    expect(events).toHaveLength(1);
    expect(events[0]!.classes).toHaveLength(3);
    await expect(rpc.call(IdentityRpc.getClass, { classId: classIds['test:class:5a']! })).resolves.toEqual({
      id: classIds['test:class:5a'],
      schoolId,
      academicYear: '2026/2027',
      grade: 5,
      letter: 'А',
      name: '5А',
      classTeacherId: people.leader,
    });
  });

  it('a new class teacher is saved with one event for that class only', async () => {
    const [fifth, ninth, fourth] = classesOf(people.leader);
    await rpc.call(
      IdentityRpc.upsertClasses,
      { schoolId, classes: [fifth!, { ...ninth!, classTeacherId: people.colleague }, fourth!] },
      AS_SYSTEM,
    );

    const events = await outboxEvents(dataSource, IdentityEvents.classesSaved);
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual({
      classes: [
        {
          classId: classIds['test:class:9b'],
          schoolId,
          academicYear: '2026/2027',
          grade: 9,
          letter: 'Б',
          classTeacherId: people.colleague,
        },
      ],
    });
  });

  it('getClass answers NOT_FOUND for a class that does not exist', async () => {
    await expect(rpc.call(IdentityRpc.getClass, { classId: MISSING_CLASS })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'Класс не найден',
    });
  });

  it('classesLedBy lists the classes a teacher leads, optionally in one academic year', async () => {
    const all = await rpc.call(IdentityRpc.classesLedBy, { teacherId: people.leader });
    expect(all.classes.map((schoolClass) => schoolClass.name)).toEqual(['4А', '5А']);

    const current = await rpc.call(IdentityRpc.classesLedBy, { teacherId: people.leader, academicYear: '2026/2027' });
    expect(current.classes.map((schoolClass) => schoolClass.id)).toEqual([classIds['test:class:5a']]);

    await expect(rpc.call(IdentityRpc.classesLedBy, { teacherId: people.parent })).resolves.toEqual({ classes: [] });
  });

  it('classAccess: the class teacher, the school management and the system get the class', async () => {
    const classId = classIds['test:class:5a']!;
    const allowed: Actor[] = [
      personActor(people.leader, [{ role: 'teacher', schoolId }]),
      personActor(people.deputy, [{ role: 'deputy', schoolId }]),
      personActor(people.deputy, [{ role: 'director', schoolId }]),
      personActor(people.deputy, [{ role: 'coordinator', schoolId }]),
      SYSTEM_SEED_ACTOR,
    ];
    for (const actor of allowed) {
      await expect(rpc.call(IdentityRpc.classAccess, { classId }, { actor })).resolves.toMatchObject({
        id: classId,
        name: '5А',
      });
    }
  });

  it('classAccess: anyone else gets exactly the answer for a class that does not exist', async () => {
    const classId = classIds['test:class:5a']!;
    const missing = await refusalOf(
      rpc.call(IdentityRpc.classAccess, { classId: MISSING_CLASS }, { actor: personActor(people.colleague) }),
    );
    expect(missing.toFailure()).toEqual({ code: ErrorCode.NotFound, message: 'Класс не найден' });

    const refused: Actor[] = [
      personActor(people.colleague, [{ role: 'teacher', schoolId }]),
      personActor(people.deputy, [{ role: 'deputy', schoolId: otherSchoolId }]),
      personActor(people.deputy, [{ role: 'sysadmin', schoolId }]),
      personActor(people.parent, [{ role: 'parent', schoolId }]),
    ];
    for (const actor of refused) {
      const refusal = await refusalOf(rpc.call(IdentityRpc.classAccess, { classId }, { actor }));
      expect(refusal.toFailure()).toEqual(missing.toFailure());
    }
  });

  it('refuses classes of a school that does not exist', async () => {
    await expect(
      rpc.call(IdentityRpc.upsertClasses, { schoolId: MISSING_CLASS, classes: classesOf(people.leader) }, AS_SYSTEM),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Школа не найдена' });
  });
});
