import { describe, expect, it } from '@jest/globals';
import { AccountsAdminRpc, type Actor, ErrorCode, IdentityRpc, PersonalDataRpc } from '#contracts';
import { refusalOf } from '#testing';
import { type PersonKey, useTeachingWorld } from '../assignments/teaching-world.test-kit.js';

const CHILD_DATA = {
  birthDate: '2014-03-15',
  address: 'г. Ханты-Мансийск, ул. Вымышленная, д. 1, кв. 2',
  phones: ['8 (912) 345-67-89'] as string[],
  document: { type: 'birth-certificate', number: 'I-ПН 123456' },
  snils: '112-233-445 95',
} as const;

describe('identity: personal data and who may see it (R-ACC-2)', () => {
  const h = useTeachingWorld();
  const { as } = h;
  const read = (person: PersonKey, personId = h.world.people.student) => h.rpc.call(PersonalDataRpc.read, { personId }, { actor: as(person) });
  const readLog = async (actor: Actor = as('director')) =>
    (await h.rpc.call(PersonalDataRpc.log, { schoolId: h.world.schoolA, limit: 500 }, { actor })).entries;
  const putOnList = (personId: string) => h.rpc.call(PersonalDataRpc.addStaff, { schoolId: h.world.schoolA, personId }, { actor: as('director') });

  it('R-ACC-2: the director keeps the list; writing personal data needs a place on it, and the write is logged without the values', async () => {
    const write = (person: PersonKey) => h.rpc.call(PersonalDataRpc.write, { personId: h.world.people.student, data: CHILD_DATA }, { actor: as(person) });
    await expect(write('director')).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await putOnList(h.world.people.director);
    const card = await write('director');
    expect(card).toEqual({
      person: { id: h.world.people.student, lastName: 'Егоров', firstName: 'Антон', middleName: 'Ильич' },
      personalDataVisible: true,
      personalData: {
        birthDate: '2014-03-15',
        address: CHILD_DATA.address,
        phones: ['+79123456789'],
        document: { type: 'birth-certificate', number: 'I-ПН 123456' },
        snils: '11223344595',
      },
    });
    const [readBack, written] = await readLog();
    expect(written).toMatchObject({
      action: 'write',
      readerId: h.world.people.director,
      readerName: 'Гусев Аркадий Львович',
      personId: h.world.people.student,
      personName: 'Егоров Антон Ильич',
      fields: ['birthDate', 'address', 'phones', 'document', 'snils'],
    });
    expect(readBack).toMatchObject({ action: 'read', readerId: h.world.people.director, fields: written!.fields });
    // The same data again changes nothing: no write row, only the read of the answer.
    await write('director');
    expect((await readLog()).map((entry) => entry.action).slice(0, 3)).toEqual(['read', 'read', 'write']);
  });

  it('R-ACC-2: staff not on the list see the person without personal data, and nothing is logged', async () => {
    const before = (await readLog()).length;
    for (const person of ['deputy', 'coordinator', 'sysadmin', 'classTeacher', 'colleague'] as const) {
      await expect(read(person)).resolves.toEqual({
        person: expect.objectContaining({ id: h.world.people.student }),
        personalDataVisible: false,
        personalData: null,
      });
    }
    expect(await readLog()).toHaveLength(before);
  });

  it('R-ACC-2: a member of the list sees the personal data, and every read is logged: who, whose, which fields, when', async () => {
    await putOnList(h.world.people.deputy);
    const card = await read('deputy');
    expect(card.personalDataVisible).toBe(true);
    expect(card.personalData?.snils).toBe('11223344595');
    const [entry] = await readLog(as('coordinator'));
    expect(entry).toMatchObject({
      action: 'read',
      readerId: h.world.people.deputy,
      personId: h.world.people.student,
      fields: ['birthDate', 'address', 'phones', 'document', 'snils'],
    });
    expect(Date.parse(entry!.at)).not.toBeNaN();
  });

  it('R-ACC-2: a parent sees their own child\'s personal data (logged) and nobody else\'s, exactly as if they did not exist', async () => {
    await expect(read('parent')).resolves.toMatchObject({ personalDataVisible: true, personalData: { birthDate: '2014-03-15' } });
    expect((await readLog())[0]).toMatchObject({ action: 'read', readerId: h.world.people.parent, personId: h.world.people.student });
    const stranger = await refusalOf(read('parent', h.world.people.otherStudent));
    const missing = await refusalOf(read('parent', '00000000-0000-4000-8000-0000000000ff'));
    expect(stranger).toEqual({ code: ErrorCode.NotFound, message: 'Человек не найден', details: undefined });
    expect(stranger).toEqual(missing);
  });

  it('R-ACC-2: staff of another school do not see the person at all', async () => {
    await expect(read('otherDeputy')).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Человек не найден' });
  });

  it('R-ACC-2: taken off the list (logged in the access log), a member no longer sees the personal data', async () => {
    await expect(h.rpc.call(PersonalDataRpc.removeStaff, { schoolId: h.world.schoolA, personId: h.world.people.deputy }, { actor: as('director') })).resolves.toEqual({
      removed: true,
    });
    await expect(read('deputy')).resolves.toMatchObject({ personalDataVisible: false, personalData: null });
    const { entries } = await h.rpc.call(AccountsAdminRpc.log, { schoolId: h.world.schoolA, limit: 10 }, { actor: as('director') });
    expect(entries.slice(0, 3).map((entry) => [entry.change, entry.personId, entry.actorId])).toEqual([
      ['personal-data-list-removed', h.world.people.deputy, h.world.people.director],
      ['personal-data-list-added', h.world.people.deputy, h.world.people.director],
      ['personal-data-list-added', h.world.people.director, h.world.people.director],
    ]);
  });

  it('R-ACC-2: a member of the list whose account is revoked no longer sees personal data', async () => {
    await putOnList(h.world.people.coordinator);
    await expect(read('coordinator')).resolves.toMatchObject({ personalDataVisible: true });
    const { accountId } = await h.rpc.call(IdentityRpc.resolveSubject, { subject: `test|${h.world.key}|coordinator` });
    await h.rpc.call(AccountsAdminRpc.revoke, { accountId }, { actor: as('sysadmin') });
    await expect(read('coordinator')).resolves.toMatchObject({ personalDataVisible: false });
    await h.rpc.call(AccountsAdminRpc.restore, { accountId }, { actor: as('sysadmin') });
  });

  it('R-ACC-2: only staff of the school go on the list, only the director keeps it; the director and the coordinator read the log', async () => {
    await expect(putOnList(h.world.people.parent)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    await expect(putOnList(h.world.people.otherTeacher)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    const twice = await putOnList(h.world.people.director);
    // By name: Гусев (the director), then Зайцева (the coordinator); the director once.
    expect(twice.staff.map((member) => member.personId)).toEqual([h.world.people.director, h.world.people.coordinator]);
    await expect(
      h.rpc.call(PersonalDataRpc.addStaff, { schoolId: h.world.schoolA, personId: h.world.people.deputy }, { actor: as('deputy') }),
    ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(h.rpc.call(PersonalDataRpc.staff, { schoolId: h.world.schoolA }, { actor: as('deputy') })).resolves.toMatchObject({
      staff: expect.arrayContaining([expect.objectContaining({ personId: h.world.people.director, addedBy: h.world.people.director })]),
    });
    for (const person of ['deputy', 'sysadmin', 'outgoing'] as const) {
      await expect(readLog(as(person))).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    }
    await expect(readLog(as('otherDeputy'))).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('R-ACC-2: invalid personal data is refused without repeating it; personal data is in no event and no log', async () => {
    await putOnList(h.world.people.director);
    const refusal = await refusalOf(
      h.rpc.call(
        PersonalDataRpc.write,
        { personId: h.world.people.student, data: { ...CHILD_DATA, snils: '112-233-445 96', phones: ['555'] } },
        { actor: as('director') },
      ),
    );
    expect(refusal.code).toBe(ErrorCode.ValidationFailed);
    expect(JSON.stringify(refusal)).not.toMatch(/112-233-445|555/);
    const future = await refusalOf(
      h.rpc.call(PersonalDataRpc.write, { personId: h.world.people.student, data: { birthDate: '2030-01-01' } }, { actor: as('director') }),
    );
    expect(future).toMatchObject({ code: ErrorCode.ValidationFailed, message: 'Дата рождения не может быть в будущем или раньше 1900 года' });
    const leaks = await h.dataSource.query<unknown[]>(
      `SELECT 'outbox' FROM outbox WHERE payload::text ~ '11223344595|79123456789|Вымышленная|2014-03-15'
       UNION ALL SELECT 'access' FROM access_log l WHERE l::text ~ '11223344595|79123456789|Вымышленная'
       UNION ALL SELECT 'roster' FROM roster_log l WHERE l::text ~ '11223344595|79123456789|Вымышленная'
       UNION ALL SELECT 'pd' FROM personal_data_log l WHERE l::text ~ '11223344595|79123456789|Вымышленная'`,
    );
    expect(leaks).toEqual([]);
  });
});
