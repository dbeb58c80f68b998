import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, IdentityRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { identityServiceSpec } from '../identity.service-spec.js';

describe('identity: schools', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let rpc: RpcClient;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    rpc = identity.app.get(RpcClient);
  });

  afterAll(async () => {
    await identity?.close();
    await deployment?.dispose();
  });

  const school = {
    externalKey: 'test:school:1',
    name: 'МБОУ «Тестовая СОШ № 1»',
    timeZone: 'Asia/Yekaterinburg',
    markScaleMin: 2 as const,
    workKinds: [{ code: 'answer', nameRu: 'Ответ на уроке', weight: '1' }],
  };

  it('creates a school once: loading twice gives the same id', async () => {
    const first = await rpc.call(IdentityRpc.upsertSchool, school, { actor: SYSTEM_SEED_ACTOR });
    const second = await rpc.call(IdentityRpc.upsertSchool, school, { actor: SYSTEM_SEED_ACTOR });
    expect(second.id).toBe(first.id);
    await expect(rpc.call(IdentityRpc.getSchool, { schoolId: first.id })).resolves.toEqual({
      id: first.id,
      name: school.name,
      timeZone: 'Asia/Yekaterinburg',
      markScaleMin: 2,
      workKinds: school.workKinds,
    });
  });

  it('refuses an unknown time zone with VALIDATION_FAILED', async () => {
    await expect(
      rpc.call(
        IdentityRpc.upsertSchool,
        { ...school, externalKey: 'test:school:2', timeZone: 'Mars/Olympus' },
        { actor: SYSTEM_SEED_ACTOR },
      ),
    ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('answers NOT_FOUND for a school that does not exist', async () => {
    await expect(
      rpc.call(IdentityRpc.getSchool, { schoolId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});
