import { describe, expect, it } from '@jest/globals';
import { AccountsAdminRpc, type Actor, ErrorCode, IdentityEvents, IdentityRpc } from '#contracts';
import { refusalOf } from '#testing';
import { type PersonKey, useTeachingWorld } from '../assignments/teaching-world.test-kit.js';
import { outboxEvents, personActor } from '../identity.test-kit.js';

describe('identity: administration of accounts (R-ACC-1, R-ACC-4)', () => {
  const h = useTeachingWorld();
  const { as } = h;
  /** A system administrator of both schools (a municipal one). */
  const sysadminOfBoth = (): Actor =>
    personActor(h.world.people.sysadmin, [
      { role: 'sysadmin', schoolId: h.world.schoolA },
      { role: 'sysadmin', schoolId: h.world.schoolB },
    ]);
  const logOf = async (schoolId: string, actor: Actor = as('sysadmin')) =>
    (await h.rpc.call(AccountsAdminRpc.log, { schoolId, limit: 100 }, { actor })).entries;
  const newTeacher = (lastName: string, schoolId = h.world.schoolA) => ({
    newPerson: { lastName, firstName: 'Вера', middleName: 'Андреевна' },
    grants: [{ role: 'teacher' as const, schoolId }],
  });

  it('R-ACC-1: the system administrator creates an account of a new person with roles; the access log says who, whom, what, when', async () => {
    const account = await h.rpc.call(AccountsAdminRpc.create, { schoolId: h.world.schoolA, account: newTeacher('Белова') }, { actor: as('sysadmin') });
    expect(account).toMatchObject({
      name: { lastName: 'Белова', firstName: 'Вера', middleName: 'Андреевна' },
      schoolId: h.world.schoolA,
      status: 'active',
      subjectLinked: false,
      awaitingSnilsMatch: false,
      grants: [{ role: 'teacher', schoolId: h.world.schoolA }],
    });
    const entries = (await logOf(h.world.schoolA)).filter((entry) => entry.accountId === account.id);
    expect(entries.map((entry) => [entry.change, entry.role, entry.actorId, entry.personId])).toEqual([
      ['role-granted', 'teacher', h.world.people.sysadmin, account.personId],
      ['account-created', null, h.world.people.sysadmin, account.personId],
    ]);
    expect(entries[0]).toMatchObject({ actorName: 'Тарасов Глеб Игоревич', personName: 'Белова Вера Андреевна', schoolId: h.world.schoolA });
    expect(new Date(entries[0]!.at).toISOString()).toBe(entries[0]!.at);
    // No subject yet: the person cannot sign in until one is linked.
    await expect(outboxEvents(h.dataSource, IdentityEvents.peopleSaved)).resolves.toContainEqual({
      people: [{ personId: account.personId, lastName: 'Белова', firstName: 'Вера', middleName: 'Андреевна' }],
    });
  });

  it('R-ACC-1: nobody grants the student role: students are refused the journal, so their accounts are not created', async () => {
    const student = { newPerson: { lastName: 'Юнцов', firstName: 'Лев' }, grants: [{ role: 'student', schoolId: h.world.schoolA }] };
    await expect(h.rpc.call(AccountsAdminRpc.create, { schoolId: h.world.schoolA, account: student } as never, { actor: as('sysadmin') })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
    const colleague = await accountIdOf('colleague');
    await expect(
      h.rpc.call(AccountsAdminRpc.grant, { accountId: colleague, schoolId: h.world.schoolA, role: 'student' } as never, { actor: as('sysadmin') }),
    ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('R-ACC-1: only the school\'s administrators create accounts; others of the school are refused visibly, other schools see nothing', async () => {
    const create = (actor: Actor) => h.rpc.call(AccountsAdminRpc.create, { schoolId: h.world.schoolA, account: newTeacher('Зуева') }, { actor });
    for (const person of ['deputy', 'director', 'outgoing'] as const) {
      await expect(create(as(person))).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    }
    await expect(create(as('otherDeputy'))).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Школа не найдена' });
    await expect(create(as('parent'))).rejects.toMatchObject({ code: ErrorCode.NotFound });
    await expect(create(as('coordinator'))).resolves.toMatchObject({ grants: [{ role: 'teacher', schoolId: h.world.schoolA }] });
  });

  it('R-ACC-1: an actor cannot grant roles in a school where they have no admin role', async () => {
    await expect(
      h.rpc.call(AccountsAdminRpc.create, { schoolId: h.world.schoolA, account: newTeacher('Рябова', h.world.schoolB) }, { actor: as('sysadmin') }),
    ).rejects.toMatchObject({ code: ErrorCode.Forbidden, details: { schoolIds: [h.world.schoolB] } });
    const colleague = await accountIdOf('colleague');
    const refusal = await refusalOf(
      h.rpc.call(AccountsAdminRpc.grant, { accountId: colleague, schoolId: h.world.schoolB, role: 'teacher' }, { actor: as('coordinator') }),
    );
    expect(refusal).toMatchObject({ code: ErrorCode.Forbidden, details: { schoolIds: [h.world.schoolB] } });
    // An administrator of both schools may: a person holds roles in several schools.
    const both = await h.rpc.call(AccountsAdminRpc.grant, { accountId: colleague, schoolId: h.world.schoolB, role: 'teacher' }, { actor: sysadminOfBoth() });
    expect(both.grants).toEqual([
      { role: 'teacher', schoolId: h.world.schoolA },
      { role: 'teacher', schoolId: h.world.schoolB },
    ].sort((a, b) => a.schoolId.localeCompare(b.schoolId)));
    // School B's deputy now sees nothing more than before: accounts are for administrators only.
    await expect(h.rpc.call(AccountsAdminRpc.get, { accountId: colleague }, { actor: as('otherDeputy') })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'Учётная запись не найдена',
    });
  });

  it('R-ACC-4: granting and revoking a role write the log and an access-changed event; repeating changes nothing', async () => {
    const accountId = await accountIdOf('incoming');
    const eventsBefore = await accessChanges(accountId);
    const grant = () => h.rpc.call(AccountsAdminRpc.grant, { accountId, schoolId: h.world.schoolA, role: 'deputy' }, { actor: as('coordinator') });
    await expect(grant()).resolves.toMatchObject({ grants: expect.arrayContaining([{ role: 'deputy', schoolId: h.world.schoolA }]) });
    await grant();
    const revoke = () => h.rpc.call(AccountsAdminRpc.revokeGrant, { accountId, schoolId: h.world.schoolA, role: 'deputy' }, { actor: as('sysadmin') });
    await expect(revoke()).resolves.toMatchObject({ grants: [{ role: 'teacher', schoolId: h.world.schoolA }] });
    await revoke();
    expect((await accessChanges(accountId)).slice(eventsBefore.length)).toEqual([
      { accountId, personId: h.world.people.incoming, change: 'grants-changed' },
      { accountId, personId: h.world.people.incoming, change: 'grants-changed' },
    ]);
    const entries = (await logOf(h.world.schoolA)).filter((entry) => entry.accountId === accountId);
    expect(entries.map((entry) => [entry.change, entry.role, entry.actorId])).toEqual([
      ['role-revoked', 'deputy', h.world.people.sysadmin],
      ['role-granted', 'deputy', h.world.people.coordinator],
    ]);
  });

  it('R-ACC-4: revoking the whole account refuses its subject and ends its sessions (event); restoring brings it back', async () => {
    const accountId = await accountIdOf('substitute');
    const subject = `test|${h.world.key}|substitute`;
    await expect(h.rpc.call(IdentityRpc.resolveSubject, { subject })).resolves.toMatchObject({ accountId });
    const revoked = await h.rpc.call(AccountsAdminRpc.revoke, { accountId }, { actor: as('sysadmin') });
    expect(revoked.status).toBe('revoked');
    await h.rpc.call(AccountsAdminRpc.revoke, { accountId }, { actor: as('coordinator') });
    await expect(h.rpc.call(IdentityRpc.resolveSubject, { subject })).rejects.toMatchObject({ code: ErrorCode.AccountRevoked });
    await h.rpc.call(AccountsAdminRpc.restore, { accountId }, { actor: as('coordinator') });
    await expect(h.rpc.call(IdentityRpc.resolveSubject, { subject })).resolves.toMatchObject({ accountId, grants: [{ role: 'teacher', schoolId: h.world.schoolA }] });
    expect((await accessChanges(accountId)).map((event) => event.change)).toEqual(['revoked', 'restored']);
    const entries = (await logOf(h.world.schoolA, as('director'))).filter((entry) => entry.accountId === accountId);
    expect(entries.map((entry) => [entry.change, entry.actorId])).toEqual([
      ['account-restored', h.world.people.coordinator],
      ['account-revoked', h.world.people.sysadmin],
    ]);
  });

  it('R-ACC-4: an account working in two schools is revoked whole only by an administrator of both', async () => {
    const accountId = await accountIdOf('colleague');
    await expect(h.rpc.call(AccountsAdminRpc.get, { accountId }, { actor: as('sysadmin') })).resolves.toMatchObject({
      grants: expect.arrayContaining([{ role: 'teacher', schoolId: h.world.schoolB }]),
    });
    await expect(h.rpc.call(AccountsAdminRpc.revoke, { accountId }, { actor: as('sysadmin') })).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
      message: 'Учётная запись действует и в других школах: отзовите роли в своей школе',
    });
    await expect(h.rpc.call(AccountsAdminRpc.revoke, { accountId }, { actor: sysadminOfBoth() })).resolves.toMatchObject({ status: 'revoked' });
    const inB = (await logOf(h.world.schoolB, sysadminOfBoth())).filter((entry) => entry.accountId === accountId);
    expect(inB.map((entry) => entry.change)).toEqual(['account-revoked', 'role-granted']);
    await h.rpc.call(AccountsAdminRpc.restore, { accountId }, { actor: sysadminOfBoth() });
  });

  it('R-ACC-1: linking a subject: another account\'s subject is a CONFLICT; a changed subject ends the old one\'s sessions', async () => {
    const { id: accountId } = await h.rpc.call(AccountsAdminRpc.create, { schoolId: h.world.schoolA, account: newTeacher('Лаптева') }, { actor: as('sysadmin') });
    await expect(
      h.rpc.call(AccountsAdminRpc.linkSubject, { accountId, subject: `test|${h.world.key}|outgoing` }, { actor: as('sysadmin') }),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict });
    const linked = await h.rpc.call(AccountsAdminRpc.linkSubject, { accountId, subject: 'esia|1000001' }, { actor: as('sysadmin') });
    expect(linked.subjectLinked).toBe(true);
    await expect(h.rpc.call(IdentityRpc.resolveSubject, { subject: 'esia|1000001' })).resolves.toMatchObject({ accountId });
    await h.rpc.call(AccountsAdminRpc.linkSubject, { accountId, subject: 'esia|1000001' }, { actor: as('sysadmin') });
    expect(await accessChanges(accountId)).toEqual([]);
    await h.rpc.call(AccountsAdminRpc.linkSubject, { accountId, subject: 'esia|1000002' }, { actor: as('coordinator') });
    expect(await accessChanges(accountId)).toEqual([{ accountId, personId: linked.personId, change: 'subject-changed' }]);
    await expect(h.rpc.call(IdentityRpc.resolveSubject, { subject: 'esia|1000001' })).rejects.toMatchObject({ code: ErrorCode.AccountUnknown });
  });

  it('one account per person: a second one is a CONFLICT naming the first', async () => {
    const accountId = await accountIdOf('parent');
    await expect(
      h.rpc.call(
        AccountsAdminRpc.create,
        { schoolId: h.world.schoolA, account: { personId: h.world.people.parent, grants: [{ role: 'teacher', schoolId: h.world.schoolA }] } },
        { actor: as('sysadmin') },
      ),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict, details: { accountId } });
  });

  it('the access log is read by the school\'s system administrator, IS coordinator and director only, page by page', async () => {
    for (const person of ['sysadmin', 'coordinator', 'director'] as const) {
      await expect(logOf(h.world.schoolA, as(person))).resolves.not.toHaveLength(0);
    }
    for (const person of ['deputy', 'outgoing'] as const) {
      await expect(logOf(h.world.schoolA, as(person))).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    }
    await expect(logOf(h.world.schoolA, as('otherDeputy'))).rejects.toMatchObject({ code: ErrorCode.NotFound });
    const all = await logOf(h.world.schoolA);
    const first = await h.rpc.call(AccountsAdminRpc.log, { schoolId: h.world.schoolA, limit: 2 }, { actor: as('sysadmin') });
    const second = await h.rpc.call(AccountsAdminRpc.log, { schoolId: h.world.schoolA, limit: 2, before: first.next! }, { actor: as('sysadmin') });
    expect([...first.entries, ...second.entries]).toEqual(all.slice(0, 4));
  });

  it('the access log is append-only: the database refuses to change or delete a row', async () => {
    await expect(h.dataSource.query("UPDATE access_log SET change = 'account-created'")).rejects.toThrow('The access_log is append-only');
    await expect(h.dataSource.query('DELETE FROM access_log')).rejects.toThrow('The access_log is append-only');
  });

  it('lists the accounts of the school: created there or holding a role there', async () => {
    const { accounts } = await h.rpc.call(AccountsAdminRpc.list, { schoolId: h.world.schoolB }, { actor: sysadminOfBoth() });
    expect(accounts.map((account) => account.personId)).toEqual(
      expect.arrayContaining([h.world.people.otherDeputy, h.world.people.otherTeacher, h.world.people.colleague]),
    );
    expect(accounts.map((account) => account.personId)).not.toContain(h.world.people.deputy);
  });

  async function accountIdOf(person: PersonKey): Promise<string> {
    return (await h.rpc.call(IdentityRpc.resolveSubject, { subject: `test|${h.world.key}|${person}` })).accountId;
  }

  async function accessChanges(accountId: string) {
    return (await outboxEvents(h.dataSource, IdentityEvents.accessChanged)).filter((event) => event.accountId === accountId);
  }
});
