import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  AttendanceRpc,
  ColumnReservationRpc,
  ErrorCode,
  JournalRpc,
  LessonColumnEvents,
  LessonColumnRpc,
  type RpcRequest,
  SYSTEM_SEED_ACTOR,
} from '#contracts';
import { LessonAccess } from '#lesson-access';
import { RequestContext, type RunningService, RpcClient } from '#platform';
import {
  createTestDeployment,
  eventually,
  publishedEvents,
  refusalOf,
  startTestService,
  TEST_NOW,
  type TestDeployment,
} from '#testing';
import { attendanceServiceSpec } from '../../../attendance/src/attendance.service-spec.js';
import { ColumnReservationResolver } from '../../../attendance/src/column/column-reservation-resolver.js';
import { identityServiceSpec } from '../../../identity/src/identity.service-spec.js';
import { planningServiceSpec } from '../../../planning/src/planning.service-spec.js';
import { lockLessons } from '../database/lesson-locks.js';
import { journalServiceSpec } from '../journal.service-spec.js';
import { AttendanceColumn } from './attendance-column.js';
import { ColumnJournalPart } from './column-journal-part.js';
import { type ColumnWorld, loadColumnWorld } from './column-world.js';

type SaveColumn = Omit<RpcRequest<typeof LessonColumnRpc.save>, 'lessonId'>;

interface Counts {
  journal: { records: number; marks: number; history: number; outbox: number; columns: number };
  attendance: { entries: number; history: number; outbox: number; reservations: number };
}

/**
 * A whole lesson column saved in one atomic request (issue 5, safe writes): the journal coordinates, attendance reserves
 * its part; against the real identity, planning, journal and attendance services.
 */
describe('journal and attendance: a lesson column saved in one atomic request (R-MARK-7, R-ATT-1, R-CAL-4)', () => {
  let deployment: TestDeployment;
  const services: RunningService[] = [];
  let journal: RunningService;
  let attendance: RunningService;
  let rpc: RpcClient;
  let journalDb: DataSource;
  let attendanceDb: DataSource;
  let world: ColumnWorld;
  let teacher: Actor;
  let nextLesson = 0;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity', 'planning', 'journal', 'attendance']);
    services.push(await startTestService(identityServiceSpec, deployment), await startTestService(planningServiceSpec, deployment));
    journal = await startTestService(journalServiceSpec, deployment);
    attendance = await startTestService(attendanceServiceSpec, deployment);
    services.push(journal, attendance);
    rpc = journal.app.get(RpcClient);
    journalDb = journal.app.get(DataSource);
    attendanceDb = attendance.app.get(DataSource);
    world = await loadColumnWorld(rpc);
    teacher = world.teacher;
  }, 120_000);

  afterAll(async () => {
    for (const service of services.reverse()) await service.close();
    await deployment?.dispose();
  });

  /** A lesson of the page no test has written on yet. */
  const freshLesson = () => world.lessons[nextLesson++]!.id;
  const save = (lessonId: string, column: SaveColumn, actor: Actor = teacher) =>
    rpc.call(LessonColumnRpc.save, { lessonId, ...column }, { actor });
  const attendanceOf = async (lessonId: string) => (await rpc.call(AttendanceRpc.getLesson, { lessonId }, { actor: teacher })).entries;
  const recordOf = (lessonId: string) => rpc.call(JournalRpc.getLesson, { lessonId }, { actor: teacher });
  const reservationsOf = (lessonId: string) =>
    attendanceDb.query<Array<{ column_id: string; status: string; resolved_by: string | null }>>(
      'SELECT column_id, status, resolved_by FROM column_reservation WHERE lesson_id = $1 ORDER BY reserved_at',
      [lessonId],
    );

  async function counts(): Promise<Counts> {
    const [journalCounts] = await journalDb.query<Array<Counts['journal']>>(
      `SELECT (SELECT count(*)::int FROM lesson_record) AS records, (SELECT count(*)::int FROM mark) AS marks,
              (SELECT count(*)::int FROM journal_history) AS history, (SELECT count(*)::int FROM outbox) AS outbox,
              (SELECT count(*)::int FROM lesson_column WHERE status = 'committed') AS columns`,
    );
    const [attendanceCounts] = await attendanceDb.query<Array<Counts['attendance']>>(
      `SELECT (SELECT count(*)::int FROM attendance_entry) AS entries, (SELECT count(*)::int FROM attendance_history) AS history,
              (SELECT count(*)::int FROM outbox) AS outbox, (SELECT count(*)::int FROM column_reservation) AS reservations`,
    );
    return { journal: journalCounts!, attendance: attendanceCounts! };
  }

  /** Advisory locks some session of the test's database is waiting for. */
  async function lockWaiters(): Promise<number> {
    const [row] = await journalDb.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM pg_locks
        WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    return row!.n;
  }

  it('R-MARK-7, R-ATT-1: a column saves topic, plan topic, homework, marks and every student\'s attendance at once, with history in both services', async () => {
    const lessonId = freshLesson();
    const { first, second, third } = world.students;
    const [decimals] = world.planTopics;
    const saved = await save(lessonId, {
      planTopicId: decimals!.id,
      homework: '№ 101–104',
      marks: [
        { studentId: first, value: 5, workKind: 'dictation' },
        { studentId: first, value: 4, workKind: 'dictation' },
        { studentId: second, value: 3, workKind: 'answer', comment: 'у доски' },
      ],
      attendance: [
        { studentId: first, status: 'present', expectedVersion: 0 },
        { studentId: second, status: 'absent', reason: 'illness', expectedVersion: 0 },
        { studentId: third, status: 'late', minutesLate: 10, expectedVersion: 0 },
      ],
      reason: 'Заполнено после урока',
      expectedVersion: 0,
    });

    const recorded = { recordedAt: TEST_NOW.toISOString(), recordedBy: world.teacherId, reasonConfirmedBy: null, reasonConfirmedAt: null };
    expect(saved).toEqual({
      lessonId,
      pageId: world.pageId,
      topic: 'Десятичные дроби',
      homework: '№ 101–104',
      planTopicId: decimals!.id,
      version: 1,
      // Entered on Thursday for Monday's lesson: late (R-MARK-3).
      marks: expect.arrayContaining([
        expect.objectContaining({ studentId: first, value: 5, workKind: 'dictation', enteredBy: world.teacherId, late: true, version: 1 }),
        expect.objectContaining({ studentId: first, value: 4, workKind: 'dictation', enteredBy: world.teacherId, late: true, version: 1 }),
        expect.objectContaining({ studentId: second, value: 3, workKind: 'answer', comment: 'у доски', enteredBy: world.teacherId }),
      ]),
      attendance: [
        { lessonId, studentId: first, status: 'present', reason: null, minutesLate: null, ...recorded, recordedBy: null, version: 0 },
        { lessonId, studentId: second, status: 'absent', reason: 'illness', minutesLate: null, ...recorded, version: 1 },
        { lessonId, studentId: third, status: 'late', reason: null, minutesLate: 10, ...recorded, version: 1 },
      ].sort((a, b) => a.studentId.localeCompare(b.studentId)),
    });

    // Both services hold it: the journal's record and marks, attendance's entries (confirmed by the journal).
    const { attendance: _attendance, ...record } = saved;
    await expect(recordOf(lessonId)).resolves.toEqual(record);
    expect(await attendanceOf(lessonId)).toEqual(expect.arrayContaining(saved.attendance.filter((entry) => entry.status !== 'present')));
    expect(await attendanceOf(lessonId)).toHaveLength(2);
    // The journal confirms at once; its event may reach attendance first, which confirms the same reservation.
    expect(await reservationsOf(lessonId)).toEqual([
      expect.objectContaining({ status: 'confirmed', resolved_by: expect.stringMatching(/^(journal|event)$/) }),
    ]);

    // R-MARK-7: each change is in its service's history, by the real actor, with the column's reason.
    const journalHistory = await journalDb.query<Array<{ entity: string; action: string; actor_id: string; reason: string }>>(
      'SELECT entity, action, actor_id, reason FROM journal_history WHERE lesson_id = $1 ORDER BY id',
      [lessonId],
    );
    expect(saved.marks).toHaveLength(3);
    expect(journalHistory).toHaveLength(4);
    for (const row of journalHistory) {
      expect(row).toMatchObject({ action: 'created', actor_id: world.teacherId, reason: 'Заполнено после урока' });
    }
    const { changes } = await rpc.call(AttendanceRpc.lessonHistory, { lessonId }, { actor: teacher });
    expect(changes.map(({ studentId, action, actorId, reason, newValue }) => ({ studentId, action, actorId, reason, status: newValue?.status }))).toEqual(
      expect.arrayContaining([
        { studentId: second, action: 'created', actorId: world.teacherId, reason: 'Заполнено после урока', status: 'absent' },
        { studentId: third, action: 'created', actorId: world.teacherId, reason: 'Заполнено после урока', status: 'late' },
      ]),
    );
    expect(changes).toHaveLength(2);
    await eventually(async () => {
      const events = await publishedEvents(deployment.nats, LessonColumnEvents.saved.subject);
      expect(events.map((event) => event.payload)).toContainEqual(expect.objectContaining({ lessonId, version: 1 }));
    });

    // The next column of the lesson, with the versions it saw: a new topic, a mark deleted, a student present again.
    const removed = saved.marks.find((mark) => mark.value === 4)!;
    const next = await save(lessonId, {
      topic: 'Десятичные дроби. Запись и чтение',
      homework: '№ 105',
      removeMarks: [{ markId: removed.id, expectedVersion: 1 }],
      attendance: [{ studentId: second, status: 'present', expectedVersion: 1 }],
      expectedVersion: 1,
    });
    expect(next).toMatchObject({ topic: 'Десятичные дроби. Запись и чтение', homework: '№ 105', planTopicId: null, version: 2 });
    expect(next.marks.map((mark) => mark.id).sort()).toEqual(saved.marks.filter((mark) => mark !== removed).map((mark) => mark.id).sort());
    expect(next.attendance.map((entry) => [entry.studentId, entry.status, entry.version])).toEqual(
      [
        [second, 'present', 2],
        [third, 'late', 1],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // A deleted mark stays, marked deleted, with its history (R-MARK-7).
    const [deleted] = await journalDb.query<Array<{ deleted: boolean; version: number }>>(
      'SELECT deleted_at IS NOT NULL AS deleted, version FROM mark WHERE id = $1',
      [removed.id],
    );
    expect(deleted).toEqual({ deleted: true, version: 2 });
    expect(await attendanceOf(lessonId)).toEqual([expect.objectContaining({ studentId: third, status: 'late' })]);
  });

  it('R-CAL-4: attendance refuses a student not enrolled in the class on the lesson\'s date, and nothing changes in either service', async () => {
    const lessonId = freshLesson();
    const { first, outsider } = world.students;
    const before = await counts();
    const refusal = await refusalOf(
      save(lessonId, {
        topic: 'Сравнение десятичных дробей',
        marks: [{ studentId: first, value: 5, workKind: 'answer' }],
        attendance: [
          { studentId: first, status: 'absent', reason: null },
          { studentId: outsider, status: 'late', minutesLate: 5 },
        ],
      }),
    );
    expect(refusal).toMatchObject({ code: ErrorCode.StudentNotEnrolled, details: { studentId: outsider } });
    expect(await counts()).toEqual(before);
    await expect(recordOf(lessonId)).resolves.toMatchObject({ version: 0, topic: null, marks: [] });
    expect(await attendanceOf(lessonId)).toEqual([]);
  });

  it('a stale attendance version refuses the whole column with the current column, and nothing changes', async () => {
    const lessonId = freshLesson();
    const { first, second } = world.students;
    const absent = await rpc.call(AttendanceRpc.setEntry, { lessonId, studentId: second, status: 'absent' }, { actor: teacher });
    const before = await counts();
    const refusal = await refusalOf(
      save(lessonId, {
        topic: 'Округление десятичных дробей',
        marks: [{ studentId: first, value: 4, workKind: 'answer' }],
        attendance: [{ studentId: second, status: 'present', expectedVersion: 0 }],
        expectedVersion: 0,
      }),
    );
    expect(refusal).toMatchObject({
      code: ErrorCode.VersionConflict,
      details: { studentId: second, current: { lessonId, version: 0, topic: null, marks: [], attendance: [absent] } },
    });
    expect(await counts()).toEqual(before);
  });

  it('the journal refuses a stale record version after attendance reserved its part: the reservation is cancelled and nothing changes', async () => {
    const lessonId = freshLesson();
    const { first, second } = world.students;
    const before = await recordOf(lessonId);
    // Another tab's topic waits for the lesson's lock (held here), then the column: it checks the version it was sent,
    // reserves attendance, and waits behind the other tab, which commits first.
    const runner = journalDb.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    let column: Promise<Awaited<ReturnType<typeof refusalOf>>> | undefined;
    let otherTab: Promise<unknown> | undefined;
    try {
      await lockLessons(runner.manager, [lessonId]);
      otherTab = rpc.call(JournalRpc.saveLessonContent, { lessonId, topic: 'Другая вкладка', expectedVersion: 0 }, { actor: teacher });
      await eventually(async () => expect(await lockWaiters()).toBe(1));
      column = refusalOf(
        save(lessonId, {
          topic: 'Эта вкладка',
          marks: [{ studentId: first, value: 5, workKind: 'answer' }],
          attendance: [{ studentId: second, status: 'absent', reason: 'excused', expectedVersion: 0 }],
          expectedVersion: 0,
        }),
      );
      await eventually(async () => {
        expect(await reservationsOf(lessonId)).toEqual([expect.objectContaining({ status: 'pending' })]);
        expect(await lockWaiters()).toBe(2);
      });
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    await otherTab;
    const refusal = await column;
    expect(refusal).toMatchObject({
      code: ErrorCode.VersionConflict,
      details: { current: { lessonId, topic: 'Другая вкладка', version: before.version + 1, marks: [], attendance: [] } },
    });
    const [reservation] = await reservationsOf(lessonId);
    expect(reservation).toMatchObject({ status: 'cancelled', resolved_by: 'journal' });
    await expect(rpc.call(LessonColumnRpc.status, { columnId: reservation!.column_id }, { actor: SYSTEM_SEED_ACTOR })).resolves.toEqual({
      columnId: reservation!.column_id,
      status: 'aborted',
    });
    await expect(recordOf(lessonId)).resolves.toMatchObject({ topic: 'Другая вкладка', version: 1, marks: [] });
    expect(await attendanceOf(lessonId)).toEqual([]);
    // The lesson is free again: the same column with the current version saves.
    await expect(
      save(lessonId, { topic: 'Эта вкладка', attendance: [{ studentId: second, status: 'absent', reason: 'excused', expectedVersion: 0 }], expectedVersion: 1 }),
    ).resolves.toMatchObject({ version: 2, attendance: [expect.objectContaining({ studentId: second, status: 'absent', version: 1 })] });
  });

  it('a confirmation lost after the journal committed: attendance confirms from the journal\'s event', async () => {
    const lessonId = freshLesson();
    const { third } = world.students;
    const confirm = jest.spyOn(journal.app.get(AttendanceColumn), 'confirm').mockResolvedValueOnce({ entries: [] });
    try {
      const saved = await save(lessonId, {
        topic: 'Вычитание десятичных дробей',
        attendance: [{ studentId: third, status: 'absent', reason: 'unexcused', expectedVersion: 0 }],
      });
      expect(confirm).toHaveBeenCalledTimes(1);
      // The answer holds the column as it is once confirmed: nothing acknowledged is lost.
      expect(saved.attendance).toEqual([expect.objectContaining({ studentId: third, status: 'absent', reason: 'unexcused', version: 1 })]);
      await eventually(async () => {
        expect(await reservationsOf(lessonId)).toEqual([expect.objectContaining({ status: 'confirmed', resolved_by: 'event' })]);
      });
      expect(await attendanceOf(lessonId)).toEqual(saved.attendance);
    } finally {
      confirm.mockRestore();
    }
  });

  it('a reservation left pending (confirmation and event lost) blocks its students\' attendance until the timeout asks the journal: committed → confirmed', async () => {
    const lessonId = freshLesson();
    const { first, second } = world.students;
    const resolver = attendance.app.get(ColumnReservationResolver);
    await resolver.stopListening();
    const confirm = jest.spyOn(journal.app.get(AttendanceColumn), 'confirm').mockResolvedValueOnce({ entries: [] });
    try {
      const saved = await save(lessonId, {
        topic: 'Умножение десятичных дробей',
        attendance: [{ studentId: first, status: 'late', minutesLate: 3, expectedVersion: 0 }],
      });
      expect(await reservationsOf(lessonId)).toEqual([expect.objectContaining({ status: 'pending' })]);
      expect(await attendanceOf(lessonId)).toEqual([]);

      // While pending, the reserved student's attendance is not written by anyone else; another student's is.
      await expect(
        refusalOf(rpc.call(AttendanceRpc.setEntry, { lessonId, studentId: first, status: 'absent' }, { actor: teacher })),
      ).resolves.toMatchObject({ code: ErrorCode.Conflict });
      await expect(
        rpc.call(AttendanceRpc.setEntry, { lessonId, studentId: second, status: 'absent' }, { actor: teacher }),
      ).resolves.toMatchObject({ studentId: second, status: 'absent' });

      await expect(resolver.resolvePending(60_000)).resolves.toEqual({ confirmed: 0, cancelled: 0 });
      await expect(resolver.resolvePending(0)).resolves.toEqual({ confirmed: 1, cancelled: 0 });
      expect(await reservationsOf(lessonId)).toEqual([expect.objectContaining({ status: 'confirmed', resolved_by: 'timeout' })]);
      expect(await attendanceOf(lessonId)).toEqual(
        expect.arrayContaining([saved.attendance.find((entry) => entry.studentId === first)]),
      );
      await expect(
        rpc.call(AttendanceRpc.setEntry, { lessonId, studentId: first, status: 'present', expectedVersion: 1 }, { actor: teacher }),
      ).resolves.toMatchObject({ status: 'present', version: 2 });
    } finally {
      confirm.mockRestore();
      await resolver.listen();
    }
    // The column's event, read late, changes nothing more: once a later column confirmed from its event (events are
    // applied in order), the first is as the timeout left it and the student's later change stands.
    const later = freshLesson();
    const lostAgain = jest.spyOn(journal.app.get(AttendanceColumn), 'confirm').mockResolvedValueOnce({ entries: [] });
    try {
      await save(later, { topic: 'Деление десятичных дробей', attendance: [{ studentId: second, status: 'absent', reason: null }] });
    } finally {
      lostAgain.mockRestore();
    }
    await eventually(async () => {
      expect(await reservationsOf(later)).toEqual([expect.objectContaining({ status: 'confirmed', resolved_by: 'event' })]);
    });
    expect(await reservationsOf(lessonId)).toEqual([expect.objectContaining({ status: 'confirmed', resolved_by: 'timeout' })]);
    expect((await attendanceOf(lessonId)).map((entry) => entry.studentId)).toEqual([second]);
  });

  it('a reservation whose journal part never committed (the journal died before its commit) is cancelled on the timeout, and that column can never commit', async () => {
    const lessonId = freshLesson();
    const { second } = world.students;
    const columnId = randomUUID();
    await rpc.call(
      ColumnReservationRpc.prepare,
      { columnId, lessonId, entries: [{ studentId: second, status: 'absent', reason: 'illness' }] },
      { actor: teacher },
    );
    const resolver = attendance.app.get(ColumnReservationResolver);
    await expect(resolver.resolvePending(0)).resolves.toEqual({ confirmed: 0, cancelled: 1 });
    expect(await reservationsOf(lessonId)).toEqual([{ column_id: columnId, status: 'cancelled', resolved_by: 'timeout' }]);
    expect(await attendanceOf(lessonId)).toEqual([]);
    // The journal's answer is final: its own commit of that column, arriving late, is refused and writes nothing.
    const [row] = await journalDb.query<Array<{ status: string }>>('SELECT status FROM lesson_column WHERE column_id = $1', [columnId]);
    expect(row).toEqual({ status: 'aborted' });
    const lateCommit = RequestContext.run({ requestId: randomUUID(), actor: teacher }, async () => {
      const lesson = await journal.app.get(LessonAccess).forWriting(lessonId, 'lessons.content.write');
      const content = { topic: 'Запоздалая колонка', homework: null, planTopicId: null };
      return journalDb.transaction((manager) =>
        journal.app
          .get(ColumnJournalPart)
          .commit(manager, { columnId, lesson, content, marks: [], removeMarks: [], expectedVersion: undefined, reason: null }),
      );
    });
    await expect(refusalOf(lateCommit)).resolves.toMatchObject({ code: ErrorCode.ServiceUnavailable });
    await expect(recordOf(lessonId)).resolves.toMatchObject({ version: 0, topic: null });
    await expect(
      refusalOf(rpc.call(ColumnReservationRpc.prepare, { columnId, lessonId, entries: [] }, { actor: teacher })),
    ).resolves.toMatchObject({ code: ErrorCode.Conflict });
  });

  it('R-ACC-3: only the system asks the journal how a column ended', async () => {
    await expect(refusalOf(rpc.call(LessonColumnRpc.status, { columnId: randomUUID() }, { actor: teacher }))).resolves.toMatchObject({
      code: ErrorCode.Forbidden,
    });
  });

  it('R-ACC-3: someone who may not write on the lesson saves nothing: refused as by the single writes', async () => {
    const lessonId = freshLesson();
    const stranger: Actor = { kind: 'person', accountId: randomUUID(), personId: randomUUID(), grants: [{ role: 'teacher', schoolId: world.schoolId }] };
    const before = await counts();
    await expect(refusalOf(save(lessonId, { topic: 'Чужая тема' }, stranger))).resolves.toMatchObject({ code: ErrorCode.NotFound });
    expect(await counts()).toEqual(before);
  });
});
