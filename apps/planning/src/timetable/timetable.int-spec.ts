import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Actor, ErrorCode, PlanningRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment } from '#testing';
import { planningServiceSpec } from '../planning.service-spec.js';

const system = { actor: SYSTEM_SEED_ACTOR };
const teacher: Actor = { kind: 'person', accountId: randomUUID(), personId: randomUUID(), grants: [] };

describe('planning: the weekly timetable', () => {
  let deployment: TestDeployment;
  let planning: RunningService;
  let rpc: RpcClient;

  beforeAll(async () => {
    deployment = await createTestDeployment(['planning']);
    planning = await startTestService(planningServiceSpec, deployment);
    rpc = planning.app.get(RpcClient);
  });

  afterAll(async () => {
    await planning?.close();
    await deployment?.dispose();
  });

  /** A one-week year (Monday 2 – Friday 6 September 2030), enough to see where the timetable puts lessons. */
  async function oneWeekYear(): Promise<string> {
    const year = await rpc.call(
      PlanningRpc.upsertYear,
      {
        schoolId: randomUUID(),
        label: '2030/2031',
        start: '2030-09-02',
        end: '2030-09-06',
        derived: true,
        periods: [{ kind: 'quarter', number: 1, nameRu: 'I четверть', start: '2030-09-02', end: '2030-09-06', gradeFrom: 1, gradeTo: 11 }],
        breaks: [],
        daysOff: [],
      },
      system,
    );
    return year.id;
  }

  const lessonsOf = async (...pageIds: string[]) =>
    (await rpc.call(PlanningRpc.lessonsOfPages, { pageIds, from: '2030-09-02', to: '2030-09-06' })).lessons;

  it('R-CAL-3: two foreign-language group pages of a class share a slot, each with its own lesson', async () => {
    const yearId = await oneWeekYear();
    const classId = randomUUID();
    const [englishGroup1, englishGroup2] = [randomUUID(), randomUUID()];
    await rpc.call(
      PlanningRpc.replaceTimetable,
      {
        yearId,
        classes: [
          {
            classId,
            grade: 5,
            slots: [
              { pageId: englishGroup1, groupId: randomUUID(), subjectCode: 'english', weekday: 3, lessonNumber: 2 },
              { pageId: englishGroup2, groupId: randomUUID(), subjectCode: 'english', weekday: 3, lessonNumber: 2 },
            ],
          },
        ],
      },
      system,
    );
    await rpc.call(PlanningRpc.generateLessons, { yearId }, system);
    const lessons = await lessonsOf(englishGroup1, englishGroup2);
    expect(lessons.map((lesson) => [lesson.pageId, lesson.date, lesson.lessonNumber]).sort()).toEqual(
      [
        [englishGroup1, '2030-09-04', 2],
        [englishGroup2, '2030-09-04', 2],
      ].sort(),
    );
  });

  it('R-PLAN-3: two whole-class pages at the same time are refused', async () => {
    const yearId = await oneWeekYear();
    const slots = [
      { pageId: randomUUID(), subjectCode: 'math', weekday: 1, lessonNumber: 1 },
      { pageId: randomUUID(), subjectCode: 'russian', weekday: 1, lessonNumber: 1 },
    ];
    await expect(
      rpc.call(PlanningRpc.replaceTimetable, { yearId, classes: [{ classId: randomUUID(), grade: 5, slots }] }, system),
    ).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: 'В расписании класса два урока в понедельник на 1-м уроке: одно время делят только группы одного предмета',
    });
  });

  it('R-CAL-3: group pages of different subjects at the same time are refused', async () => {
    const yearId = await oneWeekYear();
    const slots = [
      { pageId: randomUUID(), groupId: randomUUID(), subjectCode: 'english', weekday: 2, lessonNumber: 3 },
      { pageId: randomUUID(), groupId: randomUUID(), subjectCode: 'informatics', weekday: 2, lessonNumber: 3 },
    ];
    await expect(
      rpc.call(PlanningRpc.replaceTimetable, { yearId, classes: [{ classId: randomUUID(), grade: 7, slots }] }, system),
    ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('R-PLAN-3: replacing one class timetable leaves the other classes as they were', async () => {
    const yearId = await oneWeekYear();
    const [classA, classB] = [randomUUID(), randomUUID()];
    const [mathA, russianA, mathB] = [randomUUID(), randomUUID(), randomUUID()];
    const timetable = (classId: string, pageId: string, subjectCode: string, weekday: number) => ({
      classId,
      grade: 6,
      slots: [{ pageId, subjectCode, weekday, lessonNumber: 1 }],
    });
    await rpc.call(PlanningRpc.replaceTimetable, { yearId, classes: [timetable(classA, mathA, 'math', 1)] }, system);
    await rpc.call(PlanningRpc.replaceTimetable, { yearId, classes: [timetable(classB, mathB, 'math', 1)] }, system);
    await rpc.call(PlanningRpc.replaceTimetable, { yearId, classes: [timetable(classA, russianA, 'russian', 2)] }, system);
    await expect(rpc.call(PlanningRpc.generateLessons, { yearId }, system)).resolves.toEqual({ created: 2, total: 2 });

    const lessons = await lessonsOf(mathA, russianA, mathB);
    expect(lessons.map((lesson) => [lesson.classId, lesson.subjectCode, lesson.date])).toEqual([
      [classB, 'math', '2030-09-02'],
      [classA, 'russian', '2030-09-03'],
    ]);
  });

  it('refuses a timetable of an unknown year, and any timetable from a person', async () => {
    const classes = [{ classId: randomUUID(), grade: 5, slots: [] }];
    await expect(rpc.call(PlanningRpc.replaceTimetable, { yearId: randomUUID(), classes }, system)).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    const yearId = await oneWeekYear();
    await expect(rpc.call(PlanningRpc.replaceTimetable, { yearId, classes }, { actor: teacher })).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
  });
});
