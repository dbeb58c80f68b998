import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { FixedClock } from '#platform';
import { type ApiSession, loginThroughDevIdp } from '#testing';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from './permission-matrix/matrix-system.js';
import { loadMatrixWorld, type MatrixWorld, PASSWORD, TODAY } from './permission-matrix/matrix-world.js';

interface MarkAnswer {
  id: string;
  value: number;
  workKind: string;
  enteredBy: string;
  version: number;
  code?: string;
  current?: { value: number; version: number };
}

interface Change {
  entity: 'mark' | 'lesson-content';
  markId?: string;
  action: string;
  actorId: string | null;
  oldValue: { value?: number; topic?: string | null } | null;
  newValue: { value?: number; topic?: string | null } | null;
  late: boolean | null;
  reason: string | null;
}

interface DiaryMarks {
  subjects: Array<{
    subjectCode: string;
    marks: Array<{ markId: string; value: number; workKind: string; previousValue?: number }>;
    average: { exact: string } | null;
  }>;
}

async function answer<T>(response: Response): Promise<{ status: number; body: T; etag: string | null }> {
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, etag: response.headers.get('etag') };
}

/** The exact weighted mean of marks as a reduced fraction, the way the diary writes it ("7/2", "4"). */
function exactMean(marks: ReadonlyArray<{ value: number; weight: number }>): string {
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  // Weights are whole here; values too: sum(value × weight) / sum(weight).
  const numerator = BigInt(marks.reduce((sum, mark) => sum + mark.value * mark.weight, 0));
  const denominator = BigInt(marks.reduce((sum, mark) => sum + mark.weight, 0));
  const divisor = gcd(numerator, denominator);
  const [n, d] = [numerator / divisor, denominator / divisor];
  return d === 1n ? String(n) : `${n}/${d}`;
}

/**
 * Changing and deleting marks through the gateway with every service running (R-MARK-3, R-MARK-4, R-MARK-7): two real
 * requests raced on one version, the history read back through the API, the parents' e-diary following, a substitute
 * writing under their own name, weights set by the administration.
 */
describe('marks: changes, deletions, history and weights through the whole system', () => {
  let system: MatrixSystem;
  let world: MatrixWorld;
  let teacher: ApiSession;
  let substitute: ApiSession;
  let deputy: ApiSession;
  let parent: ApiSession;

  beforeAll(async () => {
    system = await startMatrixSystem(new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)));
    world = await loadMatrixWorld(system.rpc, { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
    // Without the matrix's handover, math of 6А is still the predecessor's page.
    teacher = await loginThroughDevIdp(system.gateway.url, 'predecessor', PASSWORD);
    substitute = await loginThroughDevIdp(system.gateway.url, 'substitute', PASSWORD);
    deputy = await loginThroughDevIdp(system.gateway.url, 'deputy', PASSWORD);
    parent = await loginThroughDevIdp(system.gateway.url, 'parent', PASSWORD);
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  const lessonOf = (key: 'lesson:math-a-second' | 'lesson:math-a-substituted') => world.resources[key].id;
  const marksUrl = (lessonId: string) => `/api/v1/lessons/${lessonId}/marks`;
  const newMark = async (value: number, workKind = 'answer', lessonId = lessonOf('lesson:math-a-second')) => {
    const created = await answer<MarkAnswer>(await teacher.post(marksUrl(lessonId), { studentId: world.people.student, value, workKind }));
    expect(created).toMatchObject({ status: 201, etag: '"1"' });
    return created.body;
  };
  const mathInDiary = async () => {
    await system.settle();
    const diary = await answer<DiaryMarks>(await parent.get(`/api/v1/students/${world.people.student}/marks?date=${TODAY}`));
    expect(diary.status).toBe(200);
    return diary.body.subjects.find((subject) => subject.subjectCode === 'math')!;
  };

  it('R-MARK-7: two tabs change one mark with the same If-Match: one saves, the other gets 409 with the current mark', async () => {
    const mark = await newMark(4);
    const url = `${marksUrl(lessonOf('lesson:math-a-second'))}/${mark.id}`;
    const [a, b] = await Promise.all([
      teacher.put(url, { value: 3, workKind: 'answer', reason: 'вкладка А' }, { headers: { 'if-match': '"1"' } }).then(answer<MarkAnswer>),
      teacher.put(url, { value: 2, workKind: 'answer', reason: 'вкладка Б' }, { headers: { 'if-match': '"1"' } }).then(answer<MarkAnswer>),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    expect(winner).toMatchObject({ etag: '"2"', body: { version: 2 } });
    expect(loser.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { value: winner.body.value, version: 2 } });
  });

  it('R-MARK-7: a deletion and a change raced on one version: exactly one wins, the other is refused', async () => {
    const mark = await newMark(5);
    const url = `${marksUrl(lessonOf('lesson:math-a-second'))}/${mark.id}`;
    const [deleted, changed] = await Promise.all([
      teacher.delete(`${url}?reason=${encodeURIComponent('Поставлена по ошибке')}`, { headers: { 'if-match': '"1"' } }).then(answer),
      teacher.put(url, { value: 4, workKind: 'answer' }, { headers: { 'if-match': '"1"' } }).then(answer<MarkAnswer>),
    ]);
    // The change first: the deletion holds a stale version (409). The deletion first: the mark is gone (404).
    expect([
      [204, 404],
      [409, 200],
    ]).toContainEqual([deleted.status, changed.status]);
    const lesson = await answer<{ students: Array<{ studentId: string; marks: Array<{ id: string }> }> }>(
      await teacher.get(`/api/v1/lessons/${lessonOf('lesson:math-a-second')}`),
    );
    const shown = lesson.body.students.find((student) => student.studentId === world.people.student)!.marks.map((shownMark) => shownMark.id);
    expect(shown.includes(mark.id)).toBe(deleted.status === 409);
  });

  it('R-MARK-7: a retried deletion with one Idempotency-Key deletes once and answers the same; without it, the mark is gone', async () => {
    const mark = await newMark(3);
    const url = `${marksUrl(lessonOf('lesson:math-a-second'))}/${mark.id}`;
    const headers = { 'idempotency-key': randomUUID() };
    const [first, retried] = await Promise.all([teacher.delete(url, { headers }), teacher.delete(url, { headers })]);
    expect([first.status, retried.status]).toEqual([204, 204]);
    expect(await answer(await teacher.delete(url))).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const { body } = await answer<{ changes: Change[] }>(await teacher.get(`/api/v1/lessons/${lessonOf('lesson:math-a-second')}/history`));
    expect(body.changes.filter((change) => change.markId === mark.id).map((change) => change.action)).toEqual(['created', 'deleted']);
  });

  it('R-MARK-7, R-REP-4: the parent’s e-diary shows the corrected mark with its old value, not the deleted one; the average follows', async () => {
    const corrected = await newMark(2);
    const deleted = await newMark(5);
    const lessonUrl = marksUrl(lessonOf('lesson:math-a-second'));
    expect((await answer(await teacher.put(`${lessonUrl}/${corrected.id}`, { value: 4, workKind: 'answer', reason: 'Пересдача' }))).status).toBe(200);
    expect((await teacher.delete(`${lessonUrl}/${deleted.id}`, { headers: { 'if-match': '"1"' } })).status).toBe(204);

    const math = await mathInDiary();
    expect(math.marks.find((mark) => mark.markId === corrected.id)).toMatchObject({ value: 4, previousValue: 2 });
    expect(math.marks.map((mark) => mark.markId)).not.toContain(deleted.id);
    // Every kind of the world's school counts once (R-MARK-4): the average is the plain exact mean of what is shown.
    expect(math.average?.exact).toBe(exactMean(math.marks.map((mark) => ({ value: mark.value, weight: 1 }))));
  });

  it('R-ACC-3, R-MARK-7: a substitute writes on the lesson under their own name, corrects the teacher’s mark; the history shows them', async () => {
    const lessonId = lessonOf('lesson:math-a-substituted');
    expect((await deputy.put(`/api/v1/lessons/${lessonId}/substitute`, { teacherId: world.people.substitute })).status).toBe(200);
    const own = await answer<MarkAnswer>(
      await substitute.post(marksUrl(lessonId), { studentId: world.people.student, value: 5, workKind: 'answer' }),
    );
    expect(own).toMatchObject({ status: 201, body: { enteredBy: world.people.substitute } });
    expect((await substitute.put(`/api/v1/lessons/${lessonId}/content`, { topic: 'Проценты', homework: '№ 310' })).status).toBe(200);
    const corrected = await answer<MarkAnswer>(
      await substitute.put(`${marksUrl(lessonId)}/${world.marks.changed}`, { value: 4, workKind: 'answer', reason: 'Исправлено на замене' }),
    );
    expect(corrected).toMatchObject({ status: 200, body: { value: 4, enteredBy: world.people.predecessor } });

    const { body } = await answer<{ changes: Change[] }>(await substitute.get(`/api/v1/lessons/${lessonId}/history`));
    const byMark = (markId: string) => body.changes.filter((change) => change.markId === markId);
    expect(byMark(world.marks.changed).map((change) => [change.action, change.actorId, change.reason])).toEqual([
      ['created', world.people.predecessor, null],
      ['updated', world.people.substitute, 'Исправлено на замене'],
    ]);
    expect(byMark(own.body.id)).toEqual([expect.objectContaining({ action: 'created', actorId: world.people.substitute, late: false })]);
    expect(body.changes.filter((change) => change.entity === 'lesson-content')).toEqual([
      expect.objectContaining({ action: 'created', actorId: world.people.substitute, newValue: expect.objectContaining({ topic: 'Проценты' }) }),
    ]);

    // The deputy reads the page's history, newest first, for the student.
    const page = await answer<{ changes: Change[]; next: string | null }>(
      await deputy.get(`/api/v1/pages/${world.resources['page:math-a'].id}/history?studentId=${world.people.student}&from=${TODAY}&to=${TODAY}&limit=2`),
    );
    expect(page.status).toBe(200);
    expect(page.body.changes).toHaveLength(2);
    expect(page.body.changes[0]).toMatchObject({ entity: 'mark', actorId: world.people.substitute });
    expect(page.body.next).toEqual(expect.any(String));
  });

  it('R-MARK-4: weights set by the administration count for every mark of the kind; a kind in use is renamed but not removed', async () => {
    const settingsUrl = `/api/v1/schools/${world.schoolA}/mark-settings`;
    const read = await answer<{ version: number; workKinds: Array<{ code: string; nameRu: string; weight: string }> }>(await deputy.get(settingsUrl));
    expect(read).toMatchObject({ status: 200, etag: `"${read.body.version}"` });
    const answerKind = { code: 'answer', nameRu: 'Ответ на уроке', weight: '1' };
    const withControl = await answer<{ version: number }>(
      await deputy.put(
        settingsUrl,
        { markScaleMin: 2, workKinds: [answerKind, { code: 'control', nameRu: 'Контрольная работа', weight: '2' }], reason: 'Приказ № 5' },
        { headers: { 'if-match': read.etag! } },
      ),
    );
    expect(withControl).toMatchObject({ status: 200, body: { version: read.body.version + 1 } });
    // A second tab with the old version is refused with the settings as they are now.
    const stale = await answer<{ code: string; current: { version: number } }>(
      await deputy.put(settingsUrl, { markScaleMin: 2, workKinds: [answerKind] }, { headers: { 'if-match': read.etag! } }),
    );
    expect(stale).toMatchObject({ status: 409, body: { code: 'VERSION_CONFLICT', current: { version: read.body.version + 1 } } });

    await newMark(2, 'control');
    const weightOf = (weights: Record<string, number>) => (mark: { value: number; workKind: string }) => ({
      value: mark.value,
      weight: weights[mark.workKind]!,
    });
    const before = await mathInDiary();
    expect(before.average?.exact).toBe(exactMean(before.marks.map(weightOf({ answer: 1, control: 2 }))));

    const reweighted = await deputy.put(settingsUrl, {
      markScaleMin: 2,
      workKinds: [answerKind, { code: 'control', nameRu: 'Контрольная', weight: '3' }],
    });
    expect(reweighted.status).toBe(200);
    const after = await mathInDiary();
    expect(after.average?.exact).toBe(exactMean(after.marks.map(weightOf({ answer: 1, control: 3 }))));
    expect(after.average?.exact).not.toBe(before.average?.exact);

    const removed = await answer<{ code: string }>(await deputy.put(settingsUrl, { markScaleMin: 2, workKinds: [answerKind] }));
    expect(removed).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    const log = await answer<{ entries: Array<{ actorName: string; reason: string | null }> }>(await deputy.get(`${settingsUrl}/log`));
    expect(log.body.entries.map((entry) => entry.reason)).toEqual([null, 'Приказ № 5']);
    expect(log.body.entries[0]?.actorName).toBe('Лебедева Ольга Николаевна');
  });
});
