import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Actor, ErrorCode, WeeklyTimetableRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, refusalOf, startTestService, type TestDeployment } from '#testing';
import { identityServiceSpec } from '../../../identity/src/identity.service-spec.js';
import { planningServiceSpec } from '../planning.service-spec.js';
import { loadTimetableWorld, type TimetableWorld, type WorldClass } from '../testing/timetable-world.js';

describe('planning: the weekly timetable and the bells kept by the school (R-PLAN-3)', () => {
  let deployment: TestDeployment;
  const services: RunningService[] = [];
  let rpc: RpcClient;
  let world: TimetableWorld;
  let class6a: WorldClass;
  let class6b: WorldClass;

  const as = (actor: Actor) => ({ actor });

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity', 'planning']);
    for (const spec of [identityServiceSpec, planningServiceSpec]) services.push(await startTestService(spec, deployment));
    rpc = services[1]!.app.get(RpcClient);
    world = await loadTimetableWorld(rpc);
    class6a = await world.addClass('А', ({ math, russian }) => [
      { pageId: russian, subjectCode: 'russian', weekday: 1, lessonNumber: 1 },
      { pageId: math, subjectCode: 'math', weekday: 1, lessonNumber: 2 },
    ]);
    class6b = await world.addClass('Б', ({ math }) => [{ pageId: math, subjectCode: 'math', weekday: 2, lessonNumber: 3 }]);
  });

  afterAll(async () => {
    for (const service of services.reverse()) await service.close();
    await deployment?.dispose();
  });

  it('R-PLAN-3: a teacher reads a class\'s weekly timetable with the bell times of each lesson number', async () => {
    const timetable = await rpc.call(WeeklyTimetableRpc.ofClass, { classId: class6a.classId, yearId: world.yearId }, as(world.actor('teacher')));
    expect(timetable.slots.map(({ pageId, weekday, lessonNumber }) => [pageId, weekday, lessonNumber])).toEqual([
      [class6a.russian, 1, 1],
      [class6a.math, 1, 2],
    ]);
    expect(timetable.slots[0]).toMatchObject({ subjectCode: 'russian', groupId: null, startsAt: expect.stringMatching(/^\d\d:\d\d$/) });
  });

  it('R-PLAN-3: the deputy replaces a class\'s week: subject and group come from the page, other classes keep theirs', async () => {
    const edited = await rpc.call(
      WeeklyTimetableRpc.editClass,
      {
        classId: class6a.classId,
        yearId: world.yearId,
        slots: [
          { pageId: class6a.math, weekday: 3, lessonNumber: 2 },
          { pageId: class6a.russian, weekday: 3, lessonNumber: 3 },
        ],
      },
      as(world.actor('deputy')),
    );
    expect(edited.slots.map(({ subjectCode, weekday, lessonNumber }) => [subjectCode, weekday, lessonNumber])).toEqual([
      ['math', 3, 2],
      ['russian', 3, 3],
    ]);
    expect(edited.warnings).toEqual([]);
    expect(edited.teacherClashes).toEqual([]);
    const other = await rpc.call(WeeklyTimetableRpc.ofClass, { classId: class6b.classId, yearId: world.yearId }, as(world.actor('deputy')));
    expect(other.slots.map(({ weekday, lessonNumber }) => [weekday, lessonNumber])).toEqual([[2, 3]]);
  });

  it('R-PLAN-3: a teacher placed in two classes at one time is warned about, with the other class named', async () => {
    // 6Б has maths on Tuesday, lesson 3, with the same maths teacher.
    const edited = await rpc.call(
      WeeklyTimetableRpc.editClass,
      { classId: class6a.classId, yearId: world.yearId, slots: [{ pageId: class6a.math, weekday: 2, lessonNumber: 3 }] },
      as(world.actor('deputy')),
    );
    expect(edited.teacherClashes).toEqual([
      {
        teacherId: world.people.teacher,
        weekday: 2,
        lessonNumber: 3,
        pageId: class6a.math,
        otherPageId: class6b.math,
        otherClassId: class6b.classId,
        message: 'Учитель в это время уже ведёт урок в 6Б (вторник, 3-й урок)',
      },
    ]);
    expect(edited.slots).toHaveLength(1);
  });

  it('a page of another class is refused with a row in Russian, and the timetable stays as it was', async () => {
    const before = await rpc.call(WeeklyTimetableRpc.ofClass, { classId: class6a.classId, yearId: world.yearId }, as(world.actor('deputy')));
    const refusal = await refusalOf(
      rpc.call(
        WeeklyTimetableRpc.editClass,
        { classId: class6a.classId, yearId: world.yearId, slots: [{ pageId: class6b.math, weekday: 1, lessonNumber: 1 }] },
        as(world.actor('deputy')),
      ),
    );
    expect(refusal).toMatchObject({ code: ErrorCode.ValidationFailed, message: 'Строка 1: страница журнала не относится к классу 6А' });
    expect(await rpc.call(WeeklyTimetableRpc.ofClass, { classId: class6a.classId, yearId: world.yearId }, as(world.actor('deputy')))).toEqual(before);
  });

  it('a teacher and the coordinator may read but not change the timetable or the bells', async () => {
    for (const person of ['teacher', 'coordinator'] as const) {
      await expect(
        refusalOf(rpc.call(WeeklyTimetableRpc.editClass, { classId: class6a.classId, yearId: world.yearId, slots: [] }, as(world.actor(person)))),
      ).resolves.toMatchObject({ code: ErrorCode.Forbidden });
      await expect(
        refusalOf(rpc.call(WeeklyTimetableRpc.editBells, { schoolId: world.schoolId, bells: [{ lessonNumber: 1, start: '08:00', end: '08:40' }] }, as(world.actor(person)))),
      ).resolves.toMatchObject({ code: ErrorCode.Forbidden });
    }
  });

  it('the director changes the bells; overlapping bells are refused and change nothing', async () => {
    const bells = [
      { lessonNumber: 1, start: '08:00', end: '08:40' },
      { lessonNumber: 2, start: '08:50', end: '09:30' },
    ];
    await expect(rpc.call(WeeklyTimetableRpc.editBells, { schoolId: world.schoolId, bells }, as(world.actor('director')))).resolves.toEqual({ bells });
    const overlapping = [
      { lessonNumber: 1, start: '08:00', end: '08:40' },
      { lessonNumber: 2, start: '08:30', end: '09:10' },
    ];
    await expect(
      refusalOf(rpc.call(WeeklyTimetableRpc.editBells, { schoolId: world.schoolId, bells: overlapping }, as(world.actor('director')))),
    ).resolves.toMatchObject({ code: ErrorCode.ValidationFailed });
    await expect(rpc.call(WeeklyTimetableRpc.bellsOf, { schoolId: world.schoolId }, as(world.actor('teacher')))).resolves.toEqual({ bells });
  });
});
