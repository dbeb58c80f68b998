import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ClassSummary, DiaryMarks, ResultDeviations, TermResultRow, TermResults } from '#contracts';
import { FixedClock } from '#platform';
import { type ApiSession, loginThroughDevIdp } from '#testing';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from './permission-matrix/matrix-system.js';
import { loadMatrixWorld, type MatrixWorld, PASSWORD, TODAY } from './permission-matrix/matrix-world.js';

async function json<T>(response: Response, status = 200): Promise<{ body: T; headers: Headers }> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return { body: JSON.parse(text) as T, headers: response.headers };
}

/**
 * Period results through the gateway with every service running and real sign-ins (R-MARK-5, R-MARK-6, R-MARK-7):
 * the teacher of math of 6А (without the matrix's handover, the predecessor) sets the child's quarter result.
 */
describe('period results through the API', () => {
  let system: MatrixSystem;
  let world: MatrixWorld;
  const sessions = new Map<string, ApiSession>();
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginThroughDevIdp(system.gateway.url, login, PASSWORD));
    return sessions.get(login)!;
  };
  const quarter = () => world.years.a.periods.find((period) => period.number === 2)!.id;
  const resultsUrl = () => `/api/v1/pages/${world.resources['page:math-a'].id}/periods/${quarter()}/results`;
  const childUrl = () => `${resultsUrl()}/${world.people.student}`;

  beforeAll(async () => {
    system = await startMatrixSystem(new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)));
    world = await loadMatrixWorld(system.rpc, { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
    const teacher = await as('predecessor');
    for (const value of [3, 4]) {
      await json(
        await teacher.post(`/api/v1/lessons/${world.resources['lesson:math-a-second'].id}/marks`, { studentId: world.people.student, value, workKind: 'answer' }),
        201,
      );
    }
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  it('R-MARK-5, R-MARK-6: the page\'s results, the e-diary and the class summary show the same exact average and proposal', async () => {
    const lists = await Promise.all(
      ['predecessor', 'classTeacher'].map(async (login) => (await json<TermResults>(await (await as(login)).get(resultsUrl()))).body),
    );
    const rows = lists.map((list) => list.students.find((row) => row.student.id === world.people.student)!);
    expect(rows[1]).toEqual(rows[0]);
    const [row] = rows as [TermResultRow, TermResultRow];
    expect(row).toMatchObject({ result: null, deviates: false });
    // At least the two marks entered here count; the average is exact and its proposal half up.
    expect(row.counted).toBeGreaterThanOrEqual(2);
    const [numerator, denominator = '1'] = row.average!.exact.split('/');
    expect(row.average!.proposed).toBe(Number((2n * BigInt(numerator!) + BigInt(denominator)) / (2n * BigInt(denominator))));

    await system.settle();
    const classTeacher = await as('classTeacher');
    const diary = await json<DiaryMarks>(await classTeacher.get(`/api/v1/students/${world.people.student}/marks?periodId=${quarter()}`));
    expect(diary.body.subjects.find((subject) => subject.subjectCode === 'math')).toMatchObject({ average: row.average, result: null });
    const summary = await json<ClassSummary>(await classTeacher.get(`/api/v1/classes/${world.resources['class:6a'].id}/summary?periodId=${quarter()}`));
    const cell = summary.body.students.find((student) => student.studentId === world.people.student)!.subjects.find((subject) => subject.subjectCode === 'math');
    expect(cell).toMatchObject({ marksCount: row.counted, average: row.average, result: null });
  });

  it('R-MARK-7: two tabs set the result with one If-Match version: one saves, the other gets 409 with the current result', async () => {
    const teacher = await as('predecessor');
    const [first, second] = await Promise.all([
      teacher.put(childUrl(), { value: 4 }, { headers: { 'if-match': '"0"' } }),
      teacher.put(childUrl(), { value: 5 }, { headers: { 'if-match': '"0"' } }),
    ]);
    const answers = await Promise.all([first, second].map(async (response) => ({ status: response.status, etag: response.headers.get('etag'), body: (await response.json()) as Record<string, unknown> })));
    const winner = answers.find((answer) => answer.status === 200)!;
    const loser = answers.find((answer) => answer.status === 409)!;
    expect(winner).toMatchObject({ etag: '"1"', body: { result: { version: 1 } } });
    expect(loser.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { version: 1, value: (winner.body.result as { value: number }).value } });

    const { body, headers } = await json<TermResultRow>(await teacher.put(childUrl(), { value: 2, reason: 'Итог по контрольной' }, { headers: { 'if-match': '"1"' } }));
    expect(headers.get('etag')).toBe('"2"');
    expect(body).toMatchObject({ result: { value: 2, label: '2', version: 2 }, deviates: body.average?.proposed !== 2 });
    const { body: history } = await json<{ changes: Array<{ action: string; reason: string | null }> }>(await teacher.get(`${resultsUrl()}/history`));
    expect(history.changes.map((change) => [change.action, change.reason])).toEqual([
      ['created', null],
      ['updated', 'Итог по контрольной'],
    ]);
  });

  it('R-ACC-3: the class teacher reads the results but does not set them', async () => {
    const response = await (await as('classTeacher')).put(childUrl(), { value: 3 });
    expect(await json(response, 403).then(({ body }) => body)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('R-MARK-6: the deputy\'s list shows a result that differs from the proposal, with the journal\'s average', async () => {
    const teacher = await as('predecessor');
    const row = (await json<TermResults>(await teacher.get(resultsUrl()))).body.students.find((candidate) => candidate.student.id === world.people.student)!;
    const other = row.average!.proposed === 5 ? 4 : 5;
    const saved = await json<TermResultRow>(await teacher.put(childUrl(), { value: other }, { headers: { 'if-match': '"2"' } }));
    expect(saved.body).toMatchObject({ result: { value: other, version: 3 }, deviates: true });
    await system.settle();
    const deputy = await as('deputy');
    const { body } = await json<ResultDeviations>(await deputy.get(`/api/v1/schools/${world.schoolA}/periods/${quarter()}/result-deviations`));
    expect(body.deviations).toEqual([
      expect.objectContaining({ studentId: world.people.student, className: '6А', value: other, average: row.average, setBy: world.people.predecessor }),
    ]);
  });

  it('PERIOD_CLOSED: while the deputy has the quarter closed every result edit is refused; reopened, it is taken', async () => {
    const deputy = await as('deputy');
    const teacher = await as('predecessor');
    const periodUrl = `/api/v1/schools/${world.schoolA}/periods/${quarter()}`;
    await json(await deputy.post(`${periodUrl}/close`, { reason: 'Приказ об итогах II четверти' }));
    expect((await json<{ code: string }>(await teacher.put(childUrl(), { value: 4 }), 409)).body).toMatchObject({ code: 'PERIOD_CLOSED' });
    expect((await json<{ code: string }>(await teacher.put(childUrl(), { value: null }), 409)).body).toMatchObject({ code: 'PERIOD_CLOSED' });
    await json(await deputy.post(`${periodUrl}/reopen`, { reason: 'Исправление итоговой отметки' }));
    const { body } = await json<TermResultRow>(await teacher.put(childUrl(), { value: 'not-attested' }, { headers: { 'if-match': '"3"' } }));
    expect(body).toMatchObject({ result: { value: 'not-attested', label: 'н/а', version: 4 } });
  });
});
