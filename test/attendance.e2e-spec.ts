import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type AbsenceNotice, type AttendanceChange, type AttendanceEntry, type Lesson, PlanningRpc, type StudentAttendance, SYSTEM_SEED_ACTOR } from '#contracts';
import { attendanceShare } from '#domain';
import { FixedClock } from '#platform';
import { type ApiSession, loginThroughDevIdp } from '#testing';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from './permission-matrix/matrix-system.js';
import { loadMatrixWorld, type MatrixWorld, PASSWORD, TODAY } from './permission-matrix/matrix-world.js';

async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

interface LessonView {
  students: Array<{ studentId: string; attendance: AttendanceEntry | null }>;
}

/**
 * Attendance through the gateway with every service running and real sign-ins (R-ATT-1, R-CAL-4, R-MARK-7): the
 * teachers of 6А mark, the parent sends notices, the class teacher decides them and confirms reasons.
 */
describe('attendance through the API', () => {
  let system: MatrixSystem;
  let world: MatrixWorld;
  let lessons: Lesson[];
  const sessions = new Map<string, ApiSession>();
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginThroughDevIdp(system.gateway.url, login, PASSWORD));
    return sessions.get(login)!;
  };
  /** The lesson of 6А's page (math: the predecessor's, Russian: the colleague's) on a Thursday. */
  const lessonOn = (subject: 'math' | 'russian', date: string, lessonNumber = subject === 'math' ? 2 : 1) => {
    const pageId = world.resources[subject === 'math' ? 'page:math-a' : 'page:russian-a'].id;
    const found = lessons.find((lesson) => lesson.pageId === pageId && lesson.date === date && lesson.lessonNumber === lessonNumber);
    if (!found) throw new Error(`no ${subject} lesson on ${date}`);
    return found.id;
  };
  const child = () => world.people.student;
  const mark = async (login: string, lessonId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    (await as(login)).put(`/api/v1/lessons/${lessonId}/attendance/${child()}`, body, { headers });
  const attendanceAt = async (lessonId: string) =>
    (await json<LessonView>(await (await as('classTeacher')).get(`/api/v1/lessons/${lessonId}`))).students.find(
      (student) => student.studentId === child(),
    )!.attendance;

  beforeAll(async () => {
    system = await startMatrixSystem(new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)));
    world = await loadMatrixWorld(system.rpc, { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
    const pageIds = [world.resources['page:math-a'].id, world.resources['page:russian-a'].id];
    ({ lessons } = await system.rpc.call(
      PlanningRpc.lessonsOfPages,
      { pageIds, from: '2026-11-05', to: TODAY },
      { actor: SYSTEM_SEED_ACTOR },
    ));
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  it('R-CAL-4: a student not enrolled in the class on the lesson\'s date is refused', async () => {
    // The leaver was in 6А in the first half of September only.
    const response = await (await as('colleague')).put(`/api/v1/lessons/${lessonOn('russian', TODAY)}/attendance/${world.people.leaver}`, {
      status: 'absent',
    });
    expect(await json(response, 422)).toMatchObject({ code: 'STUDENT_NOT_ENROLLED' });
  });

  it('R-ATT-1: the notice flow: the parent sends, the class teacher accepts, absences in its days get Б, also those marked later', async () => {
    const russian = lessonOn('russian', '2026-11-26');
    const math = lessonOn('math', '2026-11-26');
    expect(await json<AttendanceEntry>(await mark('colleague', russian, { status: 'absent' }))).toMatchObject({ reason: null });

    const parent = await as('parent');
    const notice = await json<AbsenceNotice>(
      await parent.post(`/api/v1/students/${child()}/absence-notices`, { reason: 'illness', from: '2026-11-26', to: '2026-11-27', comment: 'ОРВИ' }),
      201,
    );
    expect(notice).toMatchObject({ status: 'pending', sentBy: world.people.parent, classId: world.resources['class:6a'].id });

    const classTeacher = await as('classTeacher');
    const pending = await json<{ notices: AbsenceNotice[] }>(
      await classTeacher.get(`/api/v1/classes/${world.resources['class:6a'].id}/absence-notices?status=pending`),
    );
    expect(pending.notices.map((candidate) => candidate.id)).toContain(notice.id);
    // The parent cannot accept their own notice.
    expect(
      await json(await parent.post(`/api/v1/students/${child()}/absence-notices/${notice.id}/decision`, { decision: 'accepted' }), 403),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const accepted = await json<AbsenceNotice>(
      await classTeacher.post(`/api/v1/students/${child()}/absence-notices/${notice.id}/decision`, { decision: 'accepted', comment: 'Справка будет' }),
    );
    expect(accepted).toMatchObject({ status: 'accepted', decidedBy: world.people.classTeacher, decisionComment: 'Справка будет' });

    expect(await attendanceAt(russian)).toMatchObject({ reason: 'illness', reasonConfirmedBy: world.people.classTeacher });
    // Math of that day is marked only now, by its teacher: the accepted notice gives the reason.
    expect(await json<AttendanceEntry>(await mark('predecessor', math, { status: 'absent' }))).toMatchObject({
      reason: 'illness',
      recordedBy: world.people.predecessor,
      reasonConfirmedBy: world.people.classTeacher,
    });
    const mine = await json<{ notices: AbsenceNotice[] }>(await parent.get(`/api/v1/students/${child()}/absence-notices`));
    expect(mine.notices.find((candidate) => candidate.id === notice.id)).toEqual(accepted);
    // Deciding again is a conflict.
    expect(
      await json(await classTeacher.post(`/api/v1/students/${child()}/absence-notices/${notice.id}/decision`, { decision: 'rejected' }), 409),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('R-ATT-1: the class teacher changes a reason with If-Match; a stale version gets 409 with the current value', async () => {
    const lessonId = lessonOn('russian', '2026-11-19');
    const marked = await mark('colleague', lessonId, { status: 'absent', reason: 'unexcused' });
    const recorded = await json<AttendanceEntry>(marked);
    expect(marked.headers.get('etag')).toBe(`"${recorded.version}"`);

    const classTeacher = await as('classTeacher');
    const changed = await classTeacher.put(
      `/api/v1/lessons/${lessonId}/attendance/${child()}/reason`,
      { reason: 'excused', comment: 'Заявление родителей' },
      { headers: { 'if-match': `"${recorded.version}"` } },
    );
    const confirmed = await json<AttendanceEntry>(changed);
    expect(confirmed).toMatchObject({ reason: 'excused', reasonConfirmedBy: world.people.classTeacher, version: recorded.version + 1 });
    expect(changed.headers.get('etag')).toBe(`"${confirmed.version}"`);

    // The colleague's tab still shows the first version.
    const stale = await mark('colleague', lessonId, { status: 'late', minutesLate: 5 }, { 'if-match': `"${recorded.version}"` });
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(await json(stale, 409)).toMatchObject({ code: 'VERSION_CONFLICT', current: confirmed });
    expect(await attendanceAt(lessonId)).toEqual(confirmed);

    // A subject teacher may not change reasons: they read the lesson, so the refusal is visible.
    expect(
      await json(await (await as('colleague')).put(`/api/v1/lessons/${lessonId}/attendance/${child()}/reason`, { reason: 'illness' }), 403),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('R-ATT-1 (safe writes): two tabs racing with the same If-Match: one is saved, the other gets 409 with it', async () => {
    const lessonId = lessonOn('russian', '2026-11-12');
    const [first, second] = await Promise.all([
      mark('colleague', lessonId, { status: 'absent', reason: 'excused' }, { 'if-match': '"0"' }),
      mark('colleague', lessonId, { status: 'late', minutesLate: 10 }, { 'if-match': '"0"' }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = first.status === 200 ? [first, second] : [second, first];
    const saved = await json<AttendanceEntry>(won);
    expect(await json(lost, 409)).toMatchObject({ code: 'VERSION_CONFLICT', current: saved });
  });

  it('R-ATT-1: "болел с 16 по 20 ноября": the class teacher gives one reason to every absence of the child in those days', async () => {
    const math = lessonOn('math', '2026-11-19');
    await json(await mark('predecessor', math, { status: 'absent' }));
    const response = await (await as('classTeacher')).post(`/api/v1/students/${child()}/absence-reasons`, {
      from: '2026-11-16',
      to: '2026-11-20',
      reason: 'illness',
      comment: 'Болел',
    });
    const { entries } = await json<{ entries: AttendanceEntry[] }>(response);
    expect(entries.map((entry) => [entry.lessonId, entry.reason, entry.reasonConfirmedBy])).toEqual(
      expect.arrayContaining([
        [math, 'illness', world.people.classTeacher],
        [lessonOn('russian', '2026-11-19'), 'illness', world.people.classTeacher],
      ]),
    );
    // Nobody but the child's class teacher: a parent is refused visibly.
    expect(
      await json(await (await as('parent')).post(`/api/v1/students/${child()}/absence-reasons`, { from: '2026-11-16', to: '2026-11-20', reason: 'illness' }), 403),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('R-MARK-7, R-ACC-3: the history lists who, when, the old and the new value, a substitute under their own name and a deletion', async () => {
    const lessonId = world.resources['lesson:math-a-substituted'].id;
    await json(await (await as('deputy')).put(`/api/v1/lessons/${lessonId}/substitute`, { teacherId: world.people.substitute }));
    const absent = await json<AttendanceEntry>(await mark('substitute', lessonId, { status: 'absent' }));
    expect(absent.recordedBy).toBe(world.people.substitute);
    const present = await json<AttendanceEntry>(await mark('substitute', lessonId, { status: 'present' }, { 'if-match': `"${absent.version}"` }));
    expect(present).toMatchObject({ status: 'present', version: absent.version + 1 });

    for (const reader of ['classTeacher', 'deputy', 'predecessor']) {
      const { changes } = await json<{ changes: AttendanceChange[] }>(
        await (await as(reader)).get(`/api/v1/lessons/${lessonId}/attendance/history?studentId=${child()}`),
      );
      expect(changes).toEqual([
        { studentId: child(), action: 'created', oldValue: null, newValue: absent, actorId: world.people.substitute, at: absent.recordedAt, reason: null },
        { studentId: child(), action: 'deleted', oldValue: absent, newValue: present, actorId: world.people.substitute, at: present.recordedAt, reason: null },
      ]);
    }
    // A parent does not read the page, so not its history either (404 as for a missing lesson).
    expect(await json(await (await as('parent')).get(`/api/v1/lessons/${lessonId}/attendance/history`), 404)).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('R-ATT-1: the attendance summary of the child and of the class show the same exact share', async () => {
    await system.settle();
    const mine = await json<StudentAttendance>(await (await as('parent')).get(`/api/v1/students/${child()}/attendance?date=${TODAY}`));
    expect(mine).toMatchObject({ studentId: child(), period: { nameRu: 'II четверть' }, heldUntil: TODAY });
    const { totals } = mine;
    // Five Thursdays of the quarter so far, three lessons each.
    expect(totals.lessons).toBe(15);
    // Ill on 19 and 26 November (two lessons each); absent without a reason today (the world's absence).
    expect(totals.absencesByReason).toMatchObject({ illness: 4, unexcused: 0, unspecified: 1 });
    // 12 November was the race above: absent (excused) or late, whichever tab won.
    expect(totals.absencesByReason.excused + totals.late).toBe(1);
    expect(totals.attended).toBe(totals.lessons - totals.absences);
    expect(totals.share).toBe(attendanceShare(totals.attended, totals.lessons));

    const ofClass = await json<{ students: Array<{ studentId: string; totals: unknown }> }>(
      await (await as('classTeacher')).get(`/api/v1/classes/${world.resources['class:6a'].id}/attendance?date=${TODAY}`),
    );
    expect(ofClass.students.find((student) => student.studentId === child())?.totals).toEqual(totals);
  });
});
