import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type AccessFacts, type Actor, IdentityRpc, type ResourceRef, SYSTEM_SEED_ACTOR } from '#contracts';
import { decide } from '#policy';
import { useTeachingWorld } from '../assignments/teaching-world.test-kit.js';
import { AS_SYSTEM } from '../identity.test-kit.js';

const MISSING: AccessFacts = { exists: false, schoolIds: [], relations: [] };

describe('identity: the access facts of the caller about a resource', () => {
  const h = useTeachingWorld();
  const { as } = h;
  const factsOf = (actor: Actor, resource: ResourceRef) => h.rpc.call(IdentityRpc.accessFacts, { resource }, { actor });

  it('a school: exists and is its own school; nobody stands in a relation to it', async () => {
    await expect(factsOf(as('deputy'), { type: 'school', id: h.world.schoolA })).resolves.toEqual({
      exists: true,
      schoolIds: [h.world.schoolA],
      relations: [],
    });
  });

  it('a class: its class teacher is "class-teacher"; a colleague stands in no relation', async () => {
    await expect(factsOf(as('classTeacher'), { type: 'class', id: h.world.classA })).resolves.toEqual({
      exists: true,
      schoolIds: [h.world.schoolA],
      relations: ['class-teacher'],
    });
    await expect(factsOf(as('colleague'), { type: 'class', id: h.world.classA })).resolves.toEqual({
      exists: true,
      schoolIds: [h.world.schoolA],
      relations: [],
    });
  });

  it('R-REP-4, R-CAL-4: a student: the guardian, the class teacher of the class on the date, the student themselves', async () => {
    const student = (date?: string): ResourceRef => ({ type: 'student', id: h.world.people.student, ...(date ? { date } : {}) });
    await expect(factsOf(as('parent'), student('2026-12-03'))).resolves.toEqual({
      exists: true,
      schoolIds: [h.world.schoolA],
      relations: ['guardian'],
    });
    await expect(factsOf(as('classTeacher'), student('2026-12-03'))).resolves.toEqual({
      exists: true,
      schoolIds: [h.world.schoolA],
      relations: ['class-teacher'],
    });
    await expect(factsOf(as('student'), student('2026-12-03'))).resolves.toMatchObject({ relations: ['self'] });
    // Before the enrollment the student is in no class of any school: nobody is their class teacher then.
    await expect(factsOf(as('classTeacher'), student('2026-08-31'))).resolves.toEqual({ exists: true, schoolIds: [], relations: [] });
    await expect(factsOf(as('parent'), student('2026-08-31'))).resolves.toMatchObject({ relations: ['guardian'] });
  });

  it('R-CAL-2: a student asked about without a date is seen on today in the school\'s zone', async () => {
    await expect(factsOf(as('classTeacher'), { type: 'student', id: h.world.people.student })).resolves.toEqual({
      exists: true,
      schoolIds: [h.world.schoolA],
      relations: ['class-teacher'],
    });
  });

  it('a person who is no student is not a student resource', async () => {
    await expect(factsOf(as('deputy'), { type: 'student', id: h.world.people.colleague, date: '2026-12-03' })).resolves.toEqual(MISSING);
  });

  it('R-ACC-3: a page: the assigned teacher on the date, any teacher ever assigned, the class teacher of its class', async () => {
    const page = (date: string): ResourceRef => ({ type: 'page', id: h.world.mathA, date });
    await expect(factsOf(as('outgoing'), page('2026-12-03'))).resolves.toEqual({
      exists: true,
      schoolIds: [h.world.schoolA],
      relations: ['page-teacher', 'page-teacher-ever'],
    });
    // Before the assignment starts the teacher still reads the page but does not write on it.
    await expect(factsOf(as('outgoing'), page('2026-08-31'))).resolves.toMatchObject({ relations: ['page-teacher-ever'] });
    await expect(factsOf(as('classTeacher'), page('2026-12-03'))).resolves.toMatchObject({ relations: ['class-teacher'] });
    await expect(factsOf(as('colleague'), page('2026-12-03'))).resolves.toMatchObject({ relations: [] });
    await expect(factsOf(as('outgoing'), { type: 'page', id: h.world.mathA })).resolves.toMatchObject({
      relations: ['page-teacher', 'page-teacher-ever'],
    });
  });

  it('R-ACC-3: "lesson-substitute" only for the lesson substituted, when the page is asked about with it', async () => {
    const lessonId = randomUUID();
    await h.rpc.call(
      IdentityRpc.assignSubstitute,
      { lessonId, pageId: h.world.mathA, date: '2026-12-03', teacherId: h.world.people.substitute },
      AS_SYSTEM,
    );
    const onPage = (lesson?: string): ResourceRef => ({ type: 'page', id: h.world.mathA, date: '2026-12-03', ...(lesson ? { lessonId: lesson } : {}) });
    await expect(factsOf(as('substitute'), onPage(lessonId))).resolves.toEqual({
      exists: true,
      schoolIds: [h.world.schoolA],
      relations: ['lesson-substitute'],
    });
    await expect(factsOf(as('substitute'), onPage())).resolves.toMatchObject({ relations: [] });
    await expect(factsOf(as('substitute'), onPage(randomUUID()))).resolves.toMatchObject({ relations: [] });
    // The lesson is on math of 6А: asked about another page with its id, the substitute stands in no relation.
    await expect(factsOf(as('substitute'), { type: 'page', id: h.world.russianA, date: '2026-12-03', lessonId })).resolves.toMatchObject({
      relations: [],
    });
  });

  it('a person: themselves ("self"), their guardian, the schools they work or study in', async () => {
    await expect(factsOf(as('parent'), { type: 'person', id: h.world.people.parent })).resolves.toEqual({
      exists: true,
      schoolIds: [h.world.schoolA],
      relations: ['self'],
    });
    await expect(factsOf(as('parent'), { type: 'person', id: h.world.people.student })).resolves.toEqual({
      exists: true,
      schoolIds: [h.world.schoolA],
      relations: ['guardian'],
    });
    await expect(factsOf(as('deputy'), { type: 'person', id: h.world.people.noAccount })).resolves.toEqual({
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
    const mathB: ResourceRef = { type: 'page', id: h.world.mathB, date: '2026-12-03' };
    const studentB: ResourceRef = { type: 'student', id: h.world.people.otherStudent, date: '2026-12-03' };
    for (const person of ['deputy', 'director', 'coordinator', 'outgoing', 'classTeacher', 'parent'] as const) {
      const pageFacts = await factsOf(as(person), mathB);
      expect(pageFacts).toEqual({ exists: true, schoolIds: [h.world.schoolB], relations: [] });
      expect(decide('lessons.read', as(person), pageFacts)).toEqual({ allowed: false, visible: false });
      const studentFacts = await factsOf(as(person), studentB);
      expect(decide('students.diary.read', as(person), studentFacts)).toEqual({ allowed: false, visible: false });
    }
    expect(decide('lessons.read', as('otherDeputy'), await factsOf(as('otherDeputy'), mathB))).toEqual({ allowed: true });
  });

  it('machine clients and the system stand in no relation to anything', async () => {
    const client: Actor = { kind: 'client', clientId: randomUUID(), scopes: ['gradebook.readonly'], schoolIds: [h.world.schoolA] };
    for (const actor of [client, SYSTEM_SEED_ACTOR]) {
      await expect(factsOf(actor, { type: 'page', id: h.world.mathA, date: '2026-12-03' })).resolves.toEqual({
        exists: true,
        schoolIds: [h.world.schoolA],
        relations: [],
      });
    }
  });
});
