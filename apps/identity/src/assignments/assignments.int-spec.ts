import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Actor, ErrorCode, IdentityEvents, IdentityRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { refusalOf } from '#testing';
import { outboxEvents } from '../identity.test-kit.js';
import { type PersonKey, useTeachingWorld } from './teaching-world.test-kit.js';

const HANDOVER = '2026-12-03';

describe('identity: teaching assignments — handing a page over and substituting a lesson (R-ACC-3)', () => {
  const h = useTeachingWorld();
  const { as } = h;
  const rightsOn = async (pageId: string, date: string, actor: Actor, lessonId?: string) => {
    const context = await h.rpc.call(IdentityRpc.pageContext, { pageId, date, ...(lessonId ? { lessonId } : {}) }, { actor });
    return { writable: context.writable, readable: context.readable, students: context.students.length };
  };

  describe('handing a page over', () => {
    const handOver = (actor: Actor, teacher: PersonKey = 'incoming', pageId = h.world.russianA) =>
      h.rpc.call(IdentityRpc.handOverPage, { pageId, teacherId: h.world.people[teacher], from: HANDOVER }, { actor });

    it('R-ACC-3: the deputy hands a page over: the old teacher writes up to the day before, then only reads', async () => {
      const page = await handOver(as('deputy'));
      expect(page.assignments).toEqual([
        { teacherId: h.world.people.colleague, from: '2026-09-01', to: '2026-12-02' },
        { teacherId: h.world.people.incoming, from: HANDOVER, to: null },
      ]);
      await expect(rightsOn(h.world.russianA, '2026-12-02', as('colleague'))).resolves.toEqual({ writable: true, readable: true, students: 1 });
      await expect(rightsOn(h.world.russianA, HANDOVER, as('colleague'))).resolves.toEqual({ writable: false, readable: true, students: 1 });
    });

    it('R-ACC-3: the new teacher writes from the handover date and reads the predecessor\'s lessons before it', async () => {
      await expect(rightsOn(h.world.russianA, HANDOVER, as('incoming'))).resolves.toEqual({ writable: true, readable: true, students: 1 });
      await expect(rightsOn(h.world.russianA, '2026-10-15', as('incoming'))).resolves.toEqual({ writable: false, readable: true, students: 1 });
      const pagesOn = async (teacher: PersonKey, date: string) =>
        (await h.rpc.call(IdentityRpc.pagesOfTeacher, { teacherId: h.world.people[teacher], date })).pages.map((page) => page.id);
      await expect(pagesOn('incoming', HANDOVER)).resolves.toEqual([h.world.russianA]);
      await expect(pagesOn('colleague', HANDOVER)).resolves.toEqual([]);
      await expect(pagesOn('colleague', '2026-12-02')).resolves.toEqual([h.world.russianA]);
    });

    it('R-ACC-3: the handover is written to the outbox once; handing the page to its teacher again changes nothing', async () => {
      await handOver(as('director'));
      const handedOver = await outboxEvents(h.dataSource, IdentityEvents.pageHandedOver);
      expect(handedOver).toEqual([
        { pageId: h.world.russianA, schoolId: h.world.schoolA, teacherId: h.world.people.incoming, from: HANDOVER, previousTeacherIds: [h.world.people.colleague] },
      ]);
      const saved = await outboxEvents(h.dataSource, IdentityEvents.pagesSaved);
      expect(saved.at(-1)!.pages).toEqual([
        expect.objectContaining({
          pageId: h.world.russianA,
          assignments: [
            { teacherId: h.world.people.colleague, from: '2026-09-01', to: '2026-12-02' },
            { teacherId: h.world.people.incoming, from: HANDOVER, to: null },
          ],
        }),
      ]);
    });

    it('R-ACC-3: only the school\'s deputy and director distribute the load; readers of the page are refused openly', async () => {
      for (const person of ['coordinator', 'incoming', 'classTeacher'] as const) {
        await expect(handOver(as(person))).rejects.toMatchObject({ code: ErrorCode.Forbidden });
      }
      const missing = await refusalOf(handOver(as('deputy'), 'incoming', randomUUID()));
      expect(missing).toMatchObject({ code: ErrorCode.NotFound, message: 'Страница журнала не найдена' });
      for (const person of ['otherDeputy', 'outgoing', 'sysadmin', 'parent', 'student'] as const) {
        expect(await refusalOf(handOver(as(person)))).toEqual(missing);
      }
    });

    it('R-ACC-3: a page goes only to a teacher of its school', async () => {
      for (const person of ['otherTeacher', 'parent', 'noAccount'] as const) {
        await expect(handOver(as('deputy'), person)).rejects.toMatchObject({
          code: ErrorCode.ValidationFailed,
          message: 'Этот человек не работает учителем в школе страницы журнала',
        });
      }
    });
  });

  describe('substituting one lesson', () => {
    const lessonId = randomUUID();
    const otherLessonId = randomUUID();
    const substitute = (actor: Actor, teacher: PersonKey = 'substitute', lesson = lessonId) =>
      h.rpc.call(IdentityRpc.assignSubstitute, { lessonId: lesson, pageId: h.world.mathA, date: HANDOVER, teacherId: h.world.people[teacher] }, { actor });

    it('R-ACC-3: a substitute writes on the lesson they substitute, and on no other lesson of the page', async () => {
      await expect(rightsOn(h.world.mathA, HANDOVER, as('substitute'), lessonId)).resolves.toEqual({ writable: false, readable: false, students: 0 });
      await expect(substitute(as('deputy'))).resolves.toEqual({
        lessonId,
        pageId: h.world.mathA,
        schoolId: h.world.schoolA,
        date: HANDOVER,
        teacherId: h.world.people.substitute,
      });
      await expect(rightsOn(h.world.mathA, HANDOVER, as('substitute'), lessonId)).resolves.toEqual({ writable: true, readable: true, students: 1 });
      await expect(rightsOn(h.world.mathA, HANDOVER, as('substitute'), otherLessonId)).resolves.toEqual({ writable: false, readable: false, students: 0 });
      await expect(rightsOn(h.world.mathA, HANDOVER, as('substitute'))).resolves.toEqual({ writable: false, readable: false, students: 0 });
      // The page's own teacher keeps writing on every lesson of the page.
      await expect(rightsOn(h.world.mathA, HANDOVER, as('outgoing'), lessonId)).resolves.toEqual({ writable: true, readable: true, students: 1 });
    });

    it('R-ACC-3: the substitute\'s day lists the lesson with its page', async () => {
      const { substitutions } = await h.rpc.call(IdentityRpc.substitutionsOfTeacher, { teacherId: h.world.people.substitute, date: HANDOVER });
      expect(substitutions).toEqual([
        expect.objectContaining({ lessonId, pageId: h.world.mathA, date: HANDOVER, page: expect.objectContaining({ id: h.world.mathA, className: '6А', subjectCode: 'math' }) }),
      ]);
      await expect(
        h.rpc.call(IdentityRpc.substitutionsOfTeacher, { teacherId: h.world.people.substitute, date: '2026-12-04' }),
      ).resolves.toEqual({ substitutions: [] });
    });

    it('one substitute per lesson: the same one again changes nothing, another replaces them; removing ends it', async () => {
      await substitute(as('director'));
      expect(await outboxEvents(h.dataSource, IdentityEvents.substituteAssigned)).toHaveLength(1);
      await substitute(as('deputy'), 'classTeacher', otherLessonId);
      await substitute(as('deputy'), 'colleague', otherLessonId);
      await expect(rightsOn(h.world.mathA, HANDOVER, as('colleague'), otherLessonId)).resolves.toMatchObject({ writable: true });
      await expect(rightsOn(h.world.mathA, HANDOVER, as('classTeacher'), otherLessonId)).resolves.toMatchObject({ writable: false, readable: true });
      expect(await outboxEvents(h.dataSource, IdentityEvents.substituteAssigned)).toHaveLength(3);

      const remove = (lesson: string) => h.rpc.call(IdentityRpc.removeSubstitute, { lessonId: lesson, pageId: h.world.mathA, date: HANDOVER }, { actor: as('deputy') });
      await expect(remove(otherLessonId)).resolves.toEqual({ removed: true });
      await expect(remove(otherLessonId)).resolves.toEqual({ removed: false });
      await expect(rightsOn(h.world.mathA, HANDOVER, as('colleague'), otherLessonId)).resolves.toMatchObject({ writable: false, readable: false });
      expect(await outboxEvents(h.dataSource, IdentityEvents.substituteRemoved)).toEqual([
        { lessonId: otherLessonId, pageId: h.world.mathA, schoolId: h.world.schoolA, date: HANDOVER, teacherId: h.world.people.colleague },
      ]);
    });

    it('R-ACC-3: only the school\'s deputy and director assign substitutes, and only teachers of the school', async () => {
      for (const person of ['coordinator', 'outgoing', 'classTeacher', 'substitute'] as const) {
        await expect(substitute(as(person))).rejects.toMatchObject({ code: ErrorCode.Forbidden });
      }
      for (const person of ['otherDeputy', 'colleague', 'sysadmin', 'parent'] as const) {
        await expect(substitute(as(person))).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Урок не найден' });
      }
      await expect(substitute(as('deputy'), 'otherTeacher')).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      await expect(substitute(SYSTEM_SEED_ACTOR, 'parent')).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    });
  });
});
