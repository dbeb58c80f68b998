import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ErrorCode, IdentityEvents, IdentityRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { identityServiceSpec } from '../identity.service-spec.js';
import { AS_SYSTEM, loadSchool, outboxEvents, personActor } from '../identity.test-kit.js';

describe('identity: people', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let rpc: RpcClient;
  let dataSource: DataSource;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    rpc = identity.app.get(RpcClient);
    dataSource = identity.app.get(DataSource);
  });

  afterAll(async () => {
    await identity?.close();
    await deployment?.dispose();
  });

  const people = [
    { externalKey: 'test:person:ivanova', lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна' },
    { externalKey: 'test:person:petrov', lastName: 'Петров', firstName: 'Олег', middleName: null },
  ];

  it('loads people once: loading twice gives the same ids and writes one event', async () => {
    const first = await rpc.call(IdentityRpc.upsertPeople, { people }, AS_SYSTEM);
    const second = await rpc.call(IdentityRpc.upsertPeople, { people }, AS_SYSTEM);

    expect(Object.keys(first.ids).sort()).toEqual(['test:person:ivanova', 'test:person:petrov']);
    expect(second.ids).toEqual(first.ids);
    const events = await outboxEvents(dataSource, IdentityEvents.peopleSaved);
    expect(events).toEqual([
      {
        people: [
          { personId: first.ids['test:person:ivanova'], lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна' },
          { personId: first.ids['test:person:petrov'], lastName: 'Петров', firstName: 'Олег', middleName: null },
        ],
      },
    ]);
  });

  it('a changed name is saved with one event that carries only the changed person', async () => {
    const changed = [people[0]!, { ...people[1]!, middleName: 'Игоревич' }];
    const { ids } = await rpc.call(IdentityRpc.upsertPeople, { people: changed }, AS_SYSTEM);

    const events = await outboxEvents(dataSource, IdentityEvents.peopleSaved);
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual({
      people: [{ personId: ids['test:person:petrov'], lastName: 'Петров', firstName: 'Олег', middleName: 'Игоревич' }],
    });
  });

  it('refuses a batch that names the same person twice', async () => {
    await expect(
      rpc.call(IdentityRpc.upsertPeople, { people: [people[0]!, people[0]!] }, AS_SYSTEM),
    ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('loading is for the system only: a person (even school management) is refused with FORBIDDEN', async () => {
    const schoolId = await loadSchool(rpc, 'test:school:people');
    const director = personActor('00000000-0000-4000-8000-000000000001', [{ role: 'director', schoolId }]);
    await expect(rpc.call(IdentityRpc.upsertPeople, { people }, { actor: director })).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
    await expect(rpc.call(IdentityRpc.upsertPeople, { people })).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
    });
  });
});
