import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ErrorCode, PlanningRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment } from '#testing';
import { planningServiceSpec } from '../planning.service-spec.js';

const system = { actor: SYSTEM_SEED_ACTOR };

describe('planning: bells', () => {
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

  /** A one-week year whose only timetable slot is on Monday at the given lesson number. */
  async function yearWithLessonAt(schoolId: string, lessonNumber: number): Promise<{ yearId: string; pageId: string }> {
    const pageId = randomUUID();
    const year = await rpc.call(
      PlanningRpc.upsertYear,
      {
        schoolId,
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
    await rpc.call(
      PlanningRpc.replaceTimetable,
      {
        yearId: year.id,
        classes: [{ classId: randomUUID(), grade: 5, slots: [{ pageId, subjectCode: 'math', weekday: 1, lessonNumber }] }],
      },
      system,
    );
    return { yearId: year.id, pageId };
  }

  it('R-PLAN-3: lessons take their times from the school bells', async () => {
    const schoolId = randomUUID();
    await rpc.call(PlanningRpc.setBells, { schoolId, bells: [{ lessonNumber: 2, start: '09:00', end: '09:45' }] }, system);
    const { yearId, pageId } = await yearWithLessonAt(schoolId, 2);
    await rpc.call(PlanningRpc.generateLessons, { yearId }, system);
    const { lessons } = await rpc.call(PlanningRpc.lessonsOfPages, { pageIds: [pageId], from: '2030-09-02', to: '2030-09-06' });
    expect(lessons).toEqual([expect.objectContaining({ date: '2030-09-02', lessonNumber: 2, startsAt: '09:00', endsAt: '09:45' })]);
  });

  it('R-PLAN-3: refuses to generate a lesson that has no bell', async () => {
    const schoolId = randomUUID();
    await rpc.call(PlanningRpc.setBells, { schoolId, bells: [{ lessonNumber: 1, start: '08:30', end: '09:10' }] }, system);
    const { yearId } = await yearWithLessonAt(schoolId, 3);
    await expect(rpc.call(PlanningRpc.generateLessons, { yearId }, system)).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: 'Нет звонков для уроков: 3',
    });
  });

  it('refuses bells where a lesson starts before the previous one ends', async () => {
    const bells = [
      { lessonNumber: 1, start: '08:30', end: '09:10' },
      { lessonNumber: 2, start: '09:05', end: '09:45' },
    ];
    await expect(rpc.call(PlanningRpc.setBells, { schoolId: randomUUID(), bells }, system)).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: 'Урок 2 начинается раньше конца урока 1',
    });
  });
});
