import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ErrorCode, IdentityRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { identityServiceSpec } from '../identity.service-spec.js';
import { AS_SYSTEM, loadPeople, loadSchool } from '../identity.test-kit.js';

describe('identity: accounts', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let rpc: RpcClient;
  let dataSource: DataSource;
  let schoolId: string;
  let otherSchoolId: string;
  let people: Record<'teacher' | 'student' | 'leaver', string>;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    rpc = identity.app.get(RpcClient);
    dataSource = identity.app.get(DataSource);
    schoolId = await loadSchool(rpc, 'test:school:accounts');
    otherSchoolId = await loadSchool(rpc, 'test:school:accounts-2');
    people = await loadPeople(rpc, {
      teacher: 'Смирнова Анна Викторовна',
      student: 'Кузнецов Илья Андреевич',
      leaver: 'Волков Пётр Ильич',
    });
  });

  afterAll(async () => {
    await identity?.close();
    await deployment?.dispose();
  });

  it('R-ACC-1: an unknown subject is refused with ACCOUNT_UNKNOWN, not an empty journal', async () => {
    await expect(rpc.call(IdentityRpc.resolveSubject, { subject: 'dev|nobody' })).rejects.toMatchObject({
      code: ErrorCode.AccountUnknown,
      message: 'Учётная запись не найдена: обратитесь к администратору школы',
    });
  });

  it('R-ACC-1: a linked subject resolves to its account, person, name and grants', async () => {
    const { ids } = await rpc.call(
      IdentityRpc.upsertAccounts,
      {
        accounts: [
          {
            externalKey: 'test:account:teacher',
            personId: people.teacher,
            subject: 'dev|smirnova',
            grants: [
              { role: 'teacher', schoolId },
              { role: 'coordinator', schoolId: otherSchoolId },
            ],
          },
        ],
      },
      AS_SYSTEM,
    );

    const resolved = await rpc.call(IdentityRpc.resolveSubject, { subject: 'dev|smirnova' });
    expect(resolved).toEqual({
      accountId: ids['test:account:teacher'],
      personId: people.teacher,
      name: { lastName: 'Смирнова', firstName: 'Анна', middleName: 'Викторовна' },
      grants: expect.arrayContaining([
        { role: 'teacher', schoolId },
        { role: 'coordinator', schoolId: otherSchoolId },
      ]),
    });
    expect(resolved.grants).toHaveLength(2);
  });

  it('loading accounts twice keeps the ids, and a new load sets the grants to exactly the given ones', async () => {
    const account = {
      externalKey: 'test:account:teacher',
      personId: people.teacher,
      subject: 'dev|smirnova',
      grants: [{ role: 'teacher' as const, schoolId }],
    };
    const first = await rpc.call(IdentityRpc.upsertAccounts, { accounts: [account] }, AS_SYSTEM);
    const second = await rpc.call(IdentityRpc.upsertAccounts, { accounts: [account] }, AS_SYSTEM);

    expect(second.ids).toEqual(first.ids);
    const resolved = await rpc.call(IdentityRpc.resolveSubject, { subject: 'dev|smirnova' });
    expect(resolved.grants).toEqual([{ role: 'teacher', schoolId }]);
  });

  it('a student account resolves like any other (refusing students is the gateway’s job)', async () => {
    await rpc.call(
      IdentityRpc.upsertAccounts,
      {
        accounts: [
          {
            externalKey: 'test:account:student',
            personId: people.student,
            subject: 'dev|kuznetsov',
            grants: [{ role: 'student', schoolId }],
          },
        ],
      },
      AS_SYSTEM,
    );
    await expect(rpc.call(IdentityRpc.resolveSubject, { subject: 'dev|kuznetsov' })).resolves.toMatchObject({
      personId: people.student,
      grants: [{ role: 'student', schoolId }],
    });
  });

  it('R-ACC-1: a revoked account is refused with ACCOUNT_REVOKED, and loading it again does not restore it', async () => {
    const account = { externalKey: 'test:account:leaver', personId: people.leaver, subject: 'dev|volkov', grants: [] };
    const { ids } = await rpc.call(IdentityRpc.upsertAccounts, { accounts: [account] }, AS_SYSTEM);
    await dataSource.query(`UPDATE account SET status = 'revoked' WHERE id = $1`, [ids['test:account:leaver']]);

    await expect(rpc.call(IdentityRpc.resolveSubject, { subject: 'dev|volkov' })).rejects.toMatchObject({
      code: ErrorCode.AccountRevoked,
    });
    await rpc.call(IdentityRpc.upsertAccounts, { accounts: [account] }, AS_SYSTEM);
    await expect(rpc.call(IdentityRpc.resolveSubject, { subject: 'dev|volkov' })).rejects.toMatchObject({
      code: ErrorCode.AccountRevoked,
    });
  });

  it('a subject already linked to another account is a CONFLICT', async () => {
    await expect(
      rpc.call(
        IdentityRpc.upsertAccounts,
        {
          accounts: [
            { externalKey: 'test:account:impostor', personId: people.student, subject: 'dev|smirnova', grants: [] },
          ],
        },
        AS_SYSTEM,
      ),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict });
  });

  it('an account of a person who does not exist is refused with NOT_FOUND', async () => {
    await expect(
      rpc.call(
        IdentityRpc.upsertAccounts,
        {
          accounts: [
            {
              externalKey: 'test:account:ghost',
              personId: '00000000-0000-4000-8000-000000000009',
              subject: 'dev|ghost',
              grants: [],
            },
          ],
        },
        AS_SYSTEM,
      ),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});
