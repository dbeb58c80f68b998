import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ErrorCode, IdentityEvents, IdentityRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { identityServiceSpec } from '../identity.service-spec.js';
import { AS_SYSTEM, loadSchool, outboxEvents } from '../identity.test-kit.js';

describe('identity: groups', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let rpc: RpcClient;
  let dataSource: DataSource;
  let classId: string;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    rpc = identity.app.get(RpcClient);
    dataSource = identity.app.get(DataSource);
    const schoolId = await loadSchool(rpc, 'test:school:groups');
    const { ids } = await rpc.call(
      IdentityRpc.upsertClasses,
      {
        schoolId,
        classes: [{ externalKey: 'test:class:7v', academicYear: '2026/2027', grade: 7, letter: 'В', classTeacherId: null }],
      },
      AS_SYSTEM,
    );
    classId = ids['test:class:7v']!;
  });

  afterAll(async () => {
    await identity?.close();
    await deployment?.dispose();
  });

  const groupsOf = (classId: string) => [
    { externalKey: 'test:group:7v-en-1', classId, subjectCode: 'english', name: '1 группа' },
    { externalKey: 'test:group:7v-en-2', classId, subjectCode: 'english', name: '2 группа' },
  ];

  it('R-CAL-3: groups of a class load once: loading twice gives the same ids and one event', async () => {
    const first = await rpc.call(IdentityRpc.upsertGroups, { groups: groupsOf(classId) }, AS_SYSTEM);
    const second = await rpc.call(IdentityRpc.upsertGroups, { groups: groupsOf(classId) }, AS_SYSTEM);

    expect(second.ids).toEqual(first.ids);
    await expect(outboxEvents(dataSource, IdentityEvents.groupsSaved)).resolves.toEqual([
      {
        groups: [
          { groupId: first.ids['test:group:7v-en-1'], classId, subjectCode: 'english', name: '1 группа' },
          { groupId: first.ids['test:group:7v-en-2'], classId, subjectCode: 'english', name: '2 группа' },
        ],
      },
    ]);
  });

  it('refuses a group of a class that does not exist', async () => {
    await expect(
      rpc.call(IdentityRpc.upsertGroups, { groups: groupsOf('00000000-0000-4000-8000-000000000000') }, AS_SYSTEM),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});
