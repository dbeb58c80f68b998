import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ErrorCode, PlanningEvents, PlanningRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment } from '#testing';
import { planningServiceSpec } from '../planning.service-spec.js';
import { publishedEvents } from '../testing/published-events.js';

const system = { actor: SYSTEM_SEED_ACTOR };

describe('planning: subjects', () => {
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

  const subjectsSavedFor = async (schoolId: string) =>
    (await publishedEvents(planning.app.get(DataSource), deployment.nats, PlanningEvents.subjectsSaved))
      .map((event) => event.subjects.filter((subject) => subject.schoolId === schoolId))
      .filter((subjects) => subjects.length > 0);

  it('R-MARK-1: loads subjects once and announces only the subjects that changed', async () => {
    const schoolId = randomUUID();
    const subjects = [
      { code: 'math', nameRu: 'Математика', marked: true },
      { code: 'russian', nameRu: 'Русский язык', marked: true },
      { code: 'orkse', nameRu: 'Основы религиозных культур и светской этики', marked: false },
    ];
    await rpc.call(PlanningRpc.upsertSubjects, { schoolId, subjects }, system);
    await rpc.call(PlanningRpc.upsertSubjects, { schoolId, subjects }, system);
    await rpc.call(
      PlanningRpc.upsertSubjects,
      { schoolId, subjects: subjects.map((subject) => (subject.code === 'math' ? { ...subject, nameRu: 'Алгебра' } : subject)) },
      system,
    );

    await expect(rpc.call(PlanningRpc.listSubjects, { schoolId })).resolves.toEqual({
      subjects: [
        { schoolId, code: 'math', nameRu: 'Алгебра', marked: true },
        { schoolId, code: 'orkse', nameRu: 'Основы религиозных культур и светской этики', marked: false },
        { schoolId, code: 'russian', nameRu: 'Русский язык', marked: true },
      ],
    });
    const events = await subjectsSavedFor(schoolId);
    expect(events).toHaveLength(2);
    expect(events[0]).toHaveLength(3);
    expect(events[1]).toEqual([{ schoolId, code: 'math', nameRu: 'Алгебра', marked: true }]);
  });

  it('refuses a subject code given twice in one load', async () => {
    const subject = { code: 'math', nameRu: 'Математика', marked: true };
    await expect(
      rpc.call(PlanningRpc.upsertSubjects, { schoolId: randomUUID(), subjects: [subject, subject] }, system),
    ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('loads subjects only for the system', async () => {
    await expect(
      rpc.call(PlanningRpc.upsertSubjects, { schoolId: randomUUID(), subjects: [{ code: 'math', nameRu: 'Математика', marked: true }] }),
    ).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
  });
});
