import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ErrorCode, IdentityEvents, IdentityRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { identityServiceSpec } from '../identity.service-spec.js';
import { AS_SYSTEM, loadPeople, outboxEvents } from '../identity.test-kit.js';

describe('identity: guardianships', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let rpc: RpcClient;
  let dataSource: DataSource;
  let people: Record<'mother' | 'father' | 'child', string>;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    rpc = identity.app.get(RpcClient);
    dataSource = identity.app.get(DataSource);
    people = await loadPeople(rpc, {
      mother: 'Белова Ирина Андреевна',
      father: 'Белов Сергей Викторович',
      child: 'Белов Максим Сергеевич',
    });
  });

  afterAll(async () => {
    await identity?.close();
    await deployment?.dispose();
  });

  it('guardianships load once: only pairs not known before are in the one event of a request', async () => {
    const mother = { parentId: people.mother, studentId: people.child };
    const father = { parentId: people.father, studentId: people.child };
    await rpc.call(IdentityRpc.upsertGuardianships, { guardianships: [mother] }, AS_SYSTEM);
    await rpc.call(IdentityRpc.upsertGuardianships, { guardianships: [mother] }, AS_SYSTEM);
    await rpc.call(IdentityRpc.upsertGuardianships, { guardianships: [mother, father] }, AS_SYSTEM);

    await expect(outboxEvents(dataSource, IdentityEvents.guardianshipsSaved)).resolves.toEqual([
      { guardianships: [mother] },
      { guardianships: [father] },
    ]);
  });

  it('refuses a person as their own parent', async () => {
    await expect(
      rpc.call(
        IdentityRpc.upsertGuardianships,
        { guardianships: [{ parentId: people.child, studentId: people.child }] },
        AS_SYSTEM,
      ),
    ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });
});
