import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IdentityRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { FixedClock } from '#platform';
import { type ApiSession, eventually, loginThroughDevIdp, putDevIdpUserWithSnils, signInThroughDevIdp } from '#testing';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from './permission-matrix/matrix-system.js';
import { EARLIER, loadMatrixWorld, type MatrixWorld, PASSWORD, TODAY } from './permission-matrix/matrix-world.js';

interface SummaryStudent {
  studentId: string;
  subjects: Array<{ subjectCode: string; marksCount: number; average: { value: string } | null }>;
}

async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Accounts, personal data and the roster through the gateway, with every service, the development OpenID provider
 * and real sign-ins: the flows that cross services (R-ACC-1, R-ACC-2, R-ACC-4, R-CAL-4).
 */
describe('accounts, personal data and the roster through the API', () => {
  let system: MatrixSystem;
  let world: MatrixWorld;
  const sessions = new Map<string, ApiSession>();
  /** The student's maths marks once the transfer test has given one more. */
  let studentMathMarks = 0;
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginThroughDevIdp(system.gateway.url, login, PASSWORD));
    return sessions.get(login)!;
  };

  beforeAll(async () => {
    system = await startMatrixSystem(new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)));
    world = await loadMatrixWorld(system.rpc, { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  it('R-ACC-4: revoking an account ends its open session at once: the very next request answers 401', async () => {
    const colleague = await loginThroughDevIdp(system.gateway.url, 'colleague', PASSWORD);
    expect((await colleague.get('/api/v1/me')).status).toBe(200);
    const sysadmin = await as('sysadmin');
    const accountId = world.resources['account:a'].id;
    await json(await sysadmin.post(`/api/v1/accounts/${accountId}/revoke`));
    expect(await json(await colleague.get('/api/v1/me'), 401)).toMatchObject({ code: 'UNAUTHENTICATED' });
    const refused = await signInThroughDevIdp(system.gateway.url, 'colleague', PASSWORD);
    expect(await json(refused.response, 403)).toMatchObject({ code: 'ACCOUNT_REVOKED' });

    await json(await sysadmin.post(`/api/v1/accounts/${accountId}/restore`));
    const again = await loginThroughDevIdp(system.gateway.url, 'colleague', PASSWORD);
    expect((await again.get('/api/v1/me')).status).toBe(200);
    const log = await json<{ entries: Array<{ change: string; accountId: string; actorId: string }> }>(
      await (await as('director')).get(`/api/v1/schools/${world.schoolA}/access-log`),
    );
    expect(log.entries.filter((entry) => entry.accountId === accountId).map((entry) => [entry.change, entry.actorId])).toEqual([
      ['account-restored', world.people.sysadmin],
      ['account-revoked', world.people.sysadmin],
    ]);
  });

  it('R-ACC-4: a new role ends the open sessions within a second; signed in again, the person has it', async () => {
    const colleague = await loginThroughDevIdp(system.gateway.url, 'colleague', PASSWORD);
    const coordinator = await as('coordinator');
    await json(await coordinator.post(`/api/v1/accounts/${world.resources['account:a'].id}/grants`, { role: 'deputy', schoolId: world.schoolA }));
    await eventually(
      async () => {
        if ((await colleague.get('/api/v1/me')).status !== 401) throw new Error('still signed in');
      },
      { timeoutMs: 2_000, intervalMs: 25 },
    );
    const again = await loginThroughDevIdp(system.gateway.url, 'colleague', PASSWORD);
    const me = await json<{ grants: Array<{ role: string }> }>(await again.get('/api/v1/me'));
    expect(me.grants.map((grant) => grant.role).sort()).toEqual(['deputy', 'teacher']);
    await json(await coordinator.delete(`/api/v1/accounts/${world.resources['account:a'].id}/grants/${world.schoolA}/deputy`));
    expect((await again.get('/api/v1/me')).status).toBe(401);
  });

  it('R-ACC-1: the first sign-in through the provider is linked by SNILS to the one account awaiting it, where the school allows it', async () => {
    const sysadmin = await as('sysadmin');
    await json(await (await as('coordinator')).put(`/api/v1/schools/${world.schoolA}/account-settings`, { snilsMatching: true }));
    const account = await json<{ id: string; personId: string; awaitingSnilsMatch: boolean }>(
      await sysadmin.post(`/api/v1/schools/${world.schoolA}/accounts`, {
        newPerson: { lastName: 'Снилсова', firstName: 'Мария', middleName: 'Петровна' },
        grants: [{ role: 'parent', schoolId: world.schoolA }],
      }),
      201,
    );
    expect(account.awaitingSnilsMatch).toBe(true);
    // The director, on the personal-data list, records the SNILS; the administrator does not see it.
    await json(await (await as('director')).put(`/api/v1/people/${account.personId}/personal-data`, { snils: '112-233-445 95' }));
    await expect(json(await sysadmin.get(`/api/v1/people/${account.personId}/personal-data`))).resolves.toMatchObject({
      personalDataVisible: false,
      personalData: null,
    });

    await putDevIdpUserWithSnils(system.devIdp.url, MATRIX_ADMIN_TOKEN, 'snilsova', {
      subject: 'esia|3000001',
      password: PASSWORD,
      name: 'Мария Снилсова',
      snils: '112-233-445 95',
    });
    const parent = await loginThroughDevIdp(system.gateway.url, 'snilsova', PASSWORD);
    await expect(json(await parent.get('/api/v1/me'))).resolves.toMatchObject({ personId: account.personId });
    await expect(json(await sysadmin.get(`/api/v1/accounts/${account.id}`))).resolves.toMatchObject({ subjectLinked: true });

    // Nobody awaits this SNILS: the person gets the clear refusal, not an empty journal.
    await putDevIdpUserWithSnils(system.devIdp.url, MATRIX_ADMIN_TOKEN, 'stranger', {
      subject: 'esia|3000002',
      password: PASSWORD,
      name: 'Некто Посторонний',
      snils: '113-233-445 01',
    });
    const stranger = await signInThroughDevIdp(system.gateway.url, 'stranger', PASSWORD);
    expect(await json(stranger.response, 403)).toMatchObject({ code: 'ACCOUNT_UNKNOWN' });
  });

  it('R-ACC-2: a parent reads their child\'s personal data and a teacher does not; the director and the coordinator read the log of reads', async () => {
    const director = await as('director');
    await json(
      await director.put(`/api/v1/people/${world.people.student}/personal-data`, {
        birthDate: '2014-05-20',
        phones: ['+7 912 000-00-07'],
        document: { type: 'birth-certificate', number: 'II-ПН 654321' },
      }),
    );
    const parentView = await (await as('parent')).get(`/api/v1/people/${world.people.student}/personal-data`);
    expect(parentView.headers.get('cache-control')).toBe('no-store');
    await expect(json(parentView)).resolves.toMatchObject({
      personalDataVisible: true,
      personalData: { birthDate: '2014-05-20', phones: ['+79120000007'], snils: null },
    });
    await expect(json(await (await as('classTeacher')).get(`/api/v1/people/${world.people.student}/personal-data`))).resolves.toMatchObject({
      personalDataVisible: false,
      personalData: null,
    });
    const log = await json<{ entries: Array<{ action: string; readerId: string; personId: string; fields: string[] }> }>(
      await (await as('coordinator')).get(`/api/v1/schools/${world.schoolA}/personal-data-log?limit=5`),
    );
    expect(log.entries[0]).toEqual(
      expect.objectContaining({ action: 'read', readerId: world.people.parent, personId: world.people.student, fields: ['birthDate', 'phones', 'document'] }),
    );
    expect((await (await as('sysadmin')).get(`/api/v1/schools/${world.schoolA}/personal-data-log`)).status).toBe(403);
  });

  it('R-CAL-4: a student transferred in the middle of the quarter keeps their marks: the new class\'s summary shows them', async () => {
    const [class6a, class7a] = [world.resources['class:6a'].id, world.resources['class:7a'].id];
    await system.rpc.call(
      IdentityRpc.upsertPages,
      {
        schoolId: world.schoolA,
        pages: [
          {
            externalKey: 'e2e:page:math-7a',
            classId: class7a,
            groupId: null,
            subjectCode: 'math',
            assignments: [{ teacherId: world.people.colleague, from: '2026-09-01', to: null }],
          },
        ],
      },
      { actor: SYSTEM_SEED_ACTOR },
    );
    const mathOf = (students: SummaryStudent[]) =>
      students.find((student) => student.studentId === world.people.student)?.subjects.find((subject) => subject.subjectCode === 'math');
    const deputy = await as('deputy');
    const before = await json<{ students: SummaryStudent[] }>(await deputy.get(`/api/v1/classes/${class6a}/summary?date=${TODAY}`));
    const marksBefore = mathOf(before.students)?.marksCount ?? 0;
    studentMathMarks = marksBefore + 1;
    // The predecessor, math teacher of 6А, marks the student on 12 November (in 6А then).
    const predecessor = await as('predecessor');
    await json(await predecessor.post(`/api/v1/lessons/${world.earlierLesson}/marks`, { studentId: world.people.student, value: 4, workKind: 'answer' }), 201);
    const transfer = await json<{ ended: { to: string }; started: { classId: string; from: string } }>(
      await deputy.post(`/api/v1/students/${world.people.student}/transfer`, { toClassId: class7a, date: '2026-11-20' }),
    );
    expect(transfer).toMatchObject({ ended: { to: '2026-11-19' }, started: { classId: class7a, from: '2026-11-20' } });
    await system.settle();

    const summary7a = await json<{ className: string; students: SummaryStudent[] }>(await deputy.get(`/api/v1/classes/${class7a}/summary?date=${TODAY}`));
    expect(summary7a.className).toBe('7А');
    expect(mathOf(summary7a.students)).toMatchObject({ marksCount: studentMathMarks });
    // The old class still shows the student for the days they were in it, with the same marks and the same average.
    const summary6a = await json<{ students: SummaryStudent[] }>(await deputy.get(`/api/v1/classes/${class6a}/summary?date=${TODAY}`));
    expect(mathOf(summary6a.students)).toMatchObject({ marksCount: studentMathMarks, average: mathOf(summary7a.students)!.average! });
    // 6А's class teacher no longer leads the student: 7А is not theirs, and the student's diary is not either.
    const classTeacher = await as('classTeacher');
    expect((await classTeacher.get(`/api/v1/classes/${class7a}/summary`)).status).toBe(404);
    expect((await classTeacher.get(`/api/v1/students/${world.people.student}/marks`)).status).toBe(404);
    const marks = await json<{ subjects: Array<{ subjectCode: string; marks: Array<{ value: number; date: string }> }> }>(
      await (await as('parent')).get(`/api/v1/students/${world.people.student}/marks`),
    );
    expect(marks.subjects.find((subject) => subject.subjectCode === 'math')?.marks).toContainEqual(expect.objectContaining({ value: 4, date: EARLIER }));
  });

  it('a roster request submitted by the class teacher and applied by the deputy; a class teacher is refused on another class', async () => {
    const class6a = world.resources['class:6a'].id;
    const class7a = world.resources['class:7a'].id;
    const classTeacher = await as('classTeacher');
    const request = await json<{ id: string; status: string }>(
      await classTeacher.post(`/api/v1/classes/${class6a}/roster-requests`, {
        change: { kind: 'enroll', newStudent: { lastName: 'Новенькая', firstName: 'Ксения' }, from: '2026-12-07' },
        comment: 'Прибыла из другой школы, приказ № 12',
      }),
      201,
    );
    expect(request.status).toBe('pending');
    const other = await classTeacher.post(`/api/v1/classes/${class7a}/roster-requests`, {
      change: { kind: 'leave', studentId: world.people.student, lastDay: '2026-12-25' },
    });
    expect(await json(other, 404)).toMatchObject({ code: 'NOT_FOUND', detail: 'Класс не найден' });
    expect((await classTeacher.post(`/api/v1/classes/${class6a}/roster-requests/${request.id}/apply`)).status).toBe(403);

    const deputy = await as('deputy');
    const pending = await json<{ requests: Array<{ id: string }> }>(await deputy.get(`/api/v1/schools/${world.schoolA}/roster-requests?status=pending`));
    expect(pending.requests.map((pendingRequest) => pendingRequest.id)).toContain(request.id);
    await expect(json(await deputy.post(`/api/v1/classes/${class6a}/roster-requests/${request.id}/apply`))).resolves.toMatchObject({ status: 'applied' });
    const roster = await json<{ enrollments: Array<{ student: { lastName: string }; from: string }> }>(await classTeacher.get(`/api/v1/classes/${class6a}/roster`));
    expect(roster.enrollments).toContainEqual(expect.objectContaining({ student: expect.objectContaining({ lastName: 'Новенькая' }), from: '2026-12-07' }));
  });

  it('archiving a student who has left keeps everything of theirs: marks in the summary, the parent\'s view of them', async () => {
    const class7a = world.resources['class:7a'].id;
    const deputy = await as('deputy');
    expect(await json(await deputy.post(`/api/v1/students/${world.people.student}/archive`), 409)).toMatchObject({ code: 'CONFLICT' });
    const roster = await json<{ enrollments: Array<{ id: string; student: { id: string } }> }>(await deputy.get(`/api/v1/classes/${class7a}/roster`));
    const enrollment = roster.enrollments.find((candidate) => candidate.student.id === world.people.student)!;
    await json(await deputy.post(`/api/v1/classes/${class7a}/enrollments/${enrollment.id}/end`, { to: '2026-12-02' }));
    await expect(json(await deputy.post(`/api/v1/students/${world.people.student}/archive`))).resolves.toEqual({
      studentId: world.people.student,
      archived: true,
    });
    await system.settle();
    const summary = await json<{ students: SummaryStudent[] }>(await deputy.get(`/api/v1/classes/${class7a}/summary?date=${TODAY}`));
    expect(summary.students.find((student) => student.studentId === world.people.student)?.subjects).toContainEqual(
      expect.objectContaining({ subjectCode: 'math', marksCount: studentMathMarks }),
    );
    const marks = await json<{ subjects: Array<{ subjectCode: string; marks: unknown[] }> }>(
      await (await as('parent')).get(`/api/v1/students/${world.people.student}/marks?date=${EARLIER}`),
    );
    expect(marks.subjects.find((subject) => subject.subjectCode === 'math')?.marks).toContainEqual(expect.objectContaining({ value: 4, date: EARLIER }));
    expect(await json(await deputy.post(`/api/v1/classes/${class7a}/enrollments`, { studentId: world.people.student, from: '2026-12-10' }), 409)).toMatchObject({
      code: 'CONFLICT',
      detail: 'Ученик в архиве: его больше не зачисляют',
    });
  });
});
