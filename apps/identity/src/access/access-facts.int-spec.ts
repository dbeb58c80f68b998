import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type AccessFacts, type Actor, IdentityRpc, type ResourceRef, SYSTEM_SEED_ACTOR } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { decide } from '#policy';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { type PersonKey, loadTeachingWorld, type TeachingWorld } from '../assignments/teaching-world.test-kit.js';
import { identityServiceSpec } from '../identity.service-spec.js';
import { AS_SYSTEM, personActor } from '../identity.test-kit.js';

const MISSING: AccessFacts = { exists: false, schoolIds: [], relations: [] };

describe('identity: the access facts of the caller about a resource', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let rpc: RpcClient;
  let world: TeachingWorld;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    rpc = identity.app.get(RpcClient);
    world = await loadTeachingWorld(rpc);
  });

  afterAll(async () => {
    await identity?.close();
    await deployment?.dispose();
  });

  const as = (person: PersonKey): Actor => personActor(world.people[person], [world.roleOf(person)]);
  const factsOf = (actor: Actor, resource: ResourceRef) => rpc.call(IdentityRpc.accessFacts, { resource }, { actor });

  it('a school: exists and is its own school; nobody stands in a relation to it', async () => {
    await expect(factsOf(as('deputy'), { type: 'school', id: world.schoolA })).resolves.toEqual({
      exists: true,
      schoolIds: [world.schoolA],
      relations: [],
    });
  });

  it('a class: its class teacher is "class-teacher"; a colleague stands in no relation', async () => {
    await expect(factsOf(as('classTeacher'), { type: 'class', id: world.classA })).resolves.toEqual({
      exists: true,
      schoolIds: [world.schoolA],
      relations: ['class-teacher'],
    });
    await expect(factsOf(as('colleague'), { type: 'class', id: world.classA })).resolves.toEqual({
      exists: true,
      schoolIds: [world.schoolA],
      relations: [],
    });
  });

  it('R-REP-4, R-CAL-4: a student: the guardian, the class teacher of the class on the date, the student themselves', async () => {
    const student = (date?: string): ResourceRef => ({ type: 'student', id: world.people.student, ...(date ? { date } : {}) });
    await expect(factsOf(as('parent'), student('2026-12-03'))).resolves.toEqual({
      exists: true,
      schoolIds: [world.schoolA],
      relations: ['guardian'],
    });
    await expect(factsOf(as('classTeacher'), student('2026-12-03'))).resolves.toEqual({
      exists: true,
      schoolIds: [world.schoolA],
      relations: ['class-teacher'],
    });
    await expect(factsOf(as('student'), student('2026-12-03'))).resolves.toMatchObject({ relations: ['self'] });
    // Before the enrollment the student is in no class of any school: nobody is their class teacher then.
    await expect(factsOf(as('classTeacher'), student('2026-08-31'))).resolves.toEqual({ exists: true, schoolIds: [], relations: [] });
    await expect(factsOf(as('parent'), student('2026-08-31'))).resolves.toMatchObject({ relations: ['guardian'] });
  });

  it('R-CAL-2: a student asked about without a date is seen on today in the school\'s zone', async () => {
    await expect(factsOf(as('classTeacher'), { type: 'student', id: world.people.student })).resolves.toEqual({
      exists: true,
      schoolIds: [world.schoolA],
      relations: ['class-teacher'],
    });
  });

  it('a person who is no student is not a student resource', async () => {
    await expect(factsOf(as('deputy'), { type: 'student', id: world.people.colleague, date: '2026-12-03' })).resolves.toEqual(MISSING);
  });

  it('R-ACC-3: a page: the assigned teacher on the date, any teacher ever assigned, the class teacher of its class', async () => {
    const page = (date: string): ResourceRef => ({ type: 'page', id: world.mathA, date });
    await expect(factsOf(as('outgoing'), page('2026-12-03'))).resolves.toEqual({
      exists: true,
      schoolIds: [world.schoolA],
      relations: ['page-teacher', 'page-teacher-ever'],
    });
    // Before the assignment starts the teacher still reads the page but does not write on it.
    await expect(factsOf(as('outgoing'), page('2026-08-31'))).resolves.toMatchObject({ relations: ['page-teacher-ever'] });
    await expect(factsOf(as('classTeacher'), page('2026-12-03'))).resolves.toMatchObject({ relations: ['class-teacher'] });
    await expect(factsOf(as('colleague'), page('2026-12-03'))).resolves.toMatchObject({ relations: [] });
    await expect(factsOf(as('outgoing'), { type: 'page', id: world.mathA })).resolves.toMatchObject({
      relations: ['page-teacher', 'page-teacher-ever'],
    });
  });

  it('R-ACC-3: "lesson-substitute" only for the lesson substituted, when the page is asked about with it', async () => {
    const lessonId = randomUUID();
    await rpc.call(
      IdentityRpc.assignSubstitute,
      { lessonId, pageId: world.mathA, date: '2026-12-03', teacherId: world.people.substitute },
      AS_SYSTEM,
    );
    const onPage = (lesson?: string): ResourceRef => ({ type: 'page', id: world.mathA, date: '2026-12-03', ...(lesson ? { lessonId: lesson } : {}) });
    await expect(factsOf(as('substitute'), onPage(lessonId))).resolves.toEqual({
      exists: true,
      schoolIds: [world.schoolA],
      relations: ['lesson-substitute'],
    });
    await expect(factsOf(as('substitute'), onPage())).resolves.toMatchObject({ relations: [] });
    await expect(factsOf(as('substitute'), onPage(randomUUID()))).resolves.toMatchObject({ relations: [] });
    // The lesson is on math of 6А: asked about another page with its id, the substitute stands in no relation.
    await expect(factsOf(as('substitute'), { type: 'page', id: world.russianA, date: '2026-12-03', lessonId })).resolves.toMatchObject({
      relations: [],
    });
  });

  it('a person: themselves ("self"), their guardian, the schools they work or study in', async () => {
    await expect(factsOf(as('parent'), { type: 'person', id: world.people.parent })).resolves.toEqual({
      exists: true,
      schoolIds: [world.schoolA],
      relations: ['self'],
    });
    await expect(factsOf(as('parent'), { type: 'person', id: world.people.student })).resolves.toEqual({
      exists: true,
      schoolIds: [world.schoolA],
      relations: ['guardian'],
    });
    await expect(factsOf(as('deputy'), { type: 'person', id: world.people.noAccount })).resolves.toEqual({
      exists: true,
      schoolIds: [],
      relations: [],
    });
  });

  it('a resource that does not exist has no school and no relation, whoever asks', async () => {
    const id = randomUUID();
    for (const resource of [
      { type: 'school', id },
      { type: 'class', id },
      { type: 'student', id, date: '2026-12-03' },
      { type: 'page', id, date: '2026-12-03', lessonId: randomUUID() },
      { type: 'person', id },
    ] satisfies ResourceRef[]) {
      for (const actor of [as('deputy'), as('outgoing'), SYSTEM_SEED_ACTOR]) {
        await expect(factsOf(actor, resource)).resolves.toEqual(MISSING);
      }
    }
  });

  it('one deployment, many schools: school A\'s people stand in no relation to school B\'s things, and the policy refuses them', async () => {
    const mathB: ResourceRef = { type: 'page', id: world.mathB, date: '2026-12-03' };
    const studentB: ResourceRef = { type: 'student', id: world.people.otherStudent, date: '2026-12-03' };
    for (const person of ['deputy', 'director', 'coordinator', 'outgoing', 'classTeacher', 'parent'] as const) {
      const pageFacts = await factsOf(as(person), mathB);
      expect(pageFacts).toEqual({ exists: true, schoolIds: [world.schoolB], relations: [] });
      expect(decide('lessons.read', as(person), pageFacts)).toEqual({ allowed: false, visible: false });
      const studentFacts = await factsOf(as(person), studentB);
      expect(decide('students.diary.read', as(person), studentFacts)).toEqual({ allowed: false, visible: false });
    }
    expect(decide('lessons.read', as('otherDeputy'), await factsOf(as('otherDeputy'), mathB))).toEqual({ allowed: true });
  });

  it('machine clients and the system stand in no relation to anything', async () => {
    const client: Actor = { kind: 'client', clientId: randomUUID(), scopes: ['gradebook.readonly'], schoolIds: [world.schoolA] };
    for (const actor of [client, SYSTEM_SEED_ACTOR]) {
      await expect(factsOf(actor, { type: 'page', id: world.mathA, date: '2026-12-03' })).resolves.toEqual({
        exists: true,
        schoolIds: [world.schoolA],
        relations: [],
      });
    }
  });
});
