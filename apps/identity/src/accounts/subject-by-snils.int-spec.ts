import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AccountsAdminRpc, type Actor, ErrorCode, IdentityRpc, PersonalDataRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { identityServiceSpec } from '../identity.service-spec.js';
import { AS_SYSTEM, loadSchool, personActor } from '../identity.test-kit.js';

/** Valid SNILS numbers (the checksum holds) of invented people. */
const SNILS = { ivanova: '112-233-445 95', smirnova: '113-233-445 01', shared: '123-460-000 00', linked: '876-543-213 41' };

describe('identity: the first sign-in through ESIA linked by SNILS (R-ACC-1)', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let rpc: RpcClient;
  let dataSource: DataSource;
  let matching: string;
  let notMatching: string;
  let sysadmin: Actor;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    rpc = identity.app.get(RpcClient);
    dataSource = identity.app.get(DataSource);
    matching = await loadSchool(rpc, 'test:school:snils-on');
    notMatching = await loadSchool(rpc, 'test:school:snils-off');
    sysadmin = personActor('00000000-0000-4000-8000-00000000a001', [
      { role: 'sysadmin', schoolId: matching },
      { role: 'sysadmin', schoolId: notMatching },
    ]);
    await rpc.call(AccountsAdminRpc.setSettings, { schoolId: matching, snilsMatching: true }, { actor: sysadmin });
  });

  afterAll(async () => {
    await identity?.close();
    await deployment?.dispose();
  });

  /** A pending account (no subject) of a new parent in the school, whose personal data carries the SNILS. */
  async function pendingParent(schoolId: string, lastName: string, snils: string) {
    const account = await rpc.call(
      AccountsAdminRpc.create,
      { schoolId, account: { newPerson: { lastName, firstName: 'Ольга' }, grants: [{ role: 'parent', schoolId }] } },
      { actor: sysadmin },
    );
    await rpc.call(PersonalDataRpc.write, { personId: account.personId, data: { snils } }, AS_SYSTEM);
    return account;
  }

  const signIn = (subject: string, snils?: string) => rpc.call(IdentityRpc.resolveSubject, { subject, ...(snils ? { snils } : {}) }, AS_SYSTEM);

  it('R-ACC-1: an unknown subject with the SNILS of exactly one pending account of a school that allows it is linked to it', async () => {
    const account = await pendingParent(matching, 'Иванова', SNILS.ivanova);
    expect(account).toMatchObject({ subjectLinked: false, awaitingSnilsMatch: true });

    // ESIA writes the SNILS with dashes and a space; identity compares the digits.
    await expect(signIn('esia|2000001', SNILS.ivanova)).resolves.toMatchObject({ accountId: account.id, personId: account.personId });
    // From now on the subject alone is enough.
    await expect(signIn('esia|2000001')).resolves.toMatchObject({ accountId: account.id });
    await expect(rpc.call(AccountsAdminRpc.get, { accountId: account.id }, { actor: sysadmin })).resolves.toMatchObject({
      subjectLinked: true,
      awaitingSnilsMatch: false,
    });
    const { entries } = await rpc.call(AccountsAdminRpc.log, { schoolId: matching, limit: 100 }, { actor: sysadmin });
    expect(entries[0]).toMatchObject({ change: 'subject-linked-by-snils', accountId: account.id, actorId: null, actorName: null });
    // The SNILS is in no log and no event.
    const leaks = await dataSource.query<unknown[]>(
      `SELECT 1 FROM outbox WHERE payload::text LIKE '%11223344595%'
       UNION ALL SELECT 1 FROM access_log l WHERE l::text LIKE '%11223344595%'`,
    );
    expect(leaks).toEqual([]);
  });

  it('R-ACC-1: no match when the school does not allow matching by SNILS', async () => {
    const account = await pendingParent(notMatching, 'Смирнова', SNILS.smirnova);
    await expect(signIn('esia|2000002', SNILS.smirnova)).rejects.toMatchObject({ code: ErrorCode.AccountUnknown });
    await expect(rpc.call(AccountsAdminRpc.get, { accountId: account.id }, { actor: sysadmin })).resolves.toMatchObject({ subjectLinked: false });
  });

  it('R-ACC-1: no match when two pending accounts share the SNILS: neither is linked', async () => {
    const first = await pendingParent(matching, 'Козлова', SNILS.shared);
    const second = await pendingParent(matching, 'Козлов', SNILS.shared);
    await expect(signIn('esia|2000003', SNILS.shared)).rejects.toMatchObject({ code: ErrorCode.AccountUnknown });
    for (const account of [first, second]) {
      await expect(rpc.call(AccountsAdminRpc.get, { accountId: account.id }, { actor: sysadmin })).resolves.toMatchObject({ subjectLinked: false });
    }
  });

  it('R-ACC-1: no match for a SNILS whose checksum is wrong, nor for an account already linked to another subject', async () => {
    await pendingParent(matching, 'Новикова', SNILS.linked);
    await expect(signIn('esia|2000004', '876-543-213 42')).rejects.toMatchObject({ code: ErrorCode.AccountUnknown });
    await expect(signIn('esia|2000004', SNILS.linked)).resolves.toMatchObject({ name: { lastName: 'Новикова' } });
    await expect(signIn('esia|2000005', SNILS.linked)).rejects.toMatchObject({ code: ErrorCode.AccountUnknown });
  });
});
