import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Actor, type AttendanceEntry, AttendanceRpc, ErrorCode, type Page, type Person, type RpcRequest } from '#contracts';
import { type LessonServiceHarness, person, personActor, refusalOf, startLessonServiceHarness, TEST_NOW, TODAY } from '#testing';
import { attendanceServiceSpec } from '../attendance.service-spec.js';

type SetEntry = RpcRequest<typeof AttendanceRpc.setEntry>;

describe('attendance: versions, history and substitutes (R-ATT-1, R-MARK-7, R-ACC-3)', () => {
  let h: LessonServiceHarness;
  let page: Page;
  let teacher: Actor;
  let teacherId: string;
  let substitute: Actor;
  let substituteId: string;
  let classTeacher: Actor;
  let stranger: Actor;
  let pupil: Person;

  beforeAll(async () => {
    h = await startLessonServiceHarness(attendanceServiceSpec);
    const school = h.world.addSchool();
    teacherId = randomUUID();
    substituteId = randomUUID();
    const classTeacherId = randomUUID();
    teacher = personActor(teacherId, 'teacher', school.id);
    substitute = personActor(substituteId, 'teacher', school.id);
    classTeacher = personActor(classTeacherId, 'teacher', school.id);
    stranger = personActor(randomUUID(), 'teacher', school.id);
    pupil = person('Зуева', 'Полина');
    page = h.world.addPage(school, {
      grade: 6,
      teacherId,
      readers: [classTeacherId],
      enrollments: [{ student: pupil, from: '2026-09-01', to: null }],
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const set = (lessonId: string, actor: Actor, entry: Omit<SetEntry, 'lessonId' | 'studentId'>) =>
    h.rpc.call(AttendanceRpc.setEntry, { lessonId, studentId: pupil.id, ...entry }, { actor });
  const history = (lessonId: string, actor: Actor) => h.rpc.call(AttendanceRpc.lessonHistory, { lessonId }, { actor });

  it('R-ATT-1 (safe writes): a write expecting a stale version is refused with VERSION_CONFLICT and the current entry', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const first = await set(lessonId, teacher, { status: 'absent', expectedVersion: 0 });
    const second = await set(lessonId, teacher, { status: 'late', minutesLate: 5, expectedVersion: first.version });
    // The other tab still shows version 1.
    const stale = await refusalOf(set(lessonId, teacher, { status: 'absent', reason: 'excused', expectedVersion: first.version }));
    expect(stale).toEqual({
      code: ErrorCode.VersionConflict,
      message: 'Посещаемость ученика на этом уроке уже изменена другим пользователем: обновите страницу',
      details: { current: second },
    });
    // Expecting "present" (0) while the student is late is stale too.
    await expect(set(lessonId, teacher, { status: 'present', expectedVersion: 0 })).rejects.toMatchObject({
      code: ErrorCode.VersionConflict,
      details: { current: second },
    });
    await expect(h.rpc.call(AttendanceRpc.getLesson, { lessonId }, { actor: teacher })).resolves.toEqual({ entries: [second] });
  });

  it('R-ATT-1 (safe writes): after "present" the version goes on, and 0 or that version both expect the student present', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const absent = await set(lessonId, teacher, { status: 'absent' });
    const present = await set(lessonId, teacher, { status: 'present', expectedVersion: absent.version });
    expect(present).toMatchObject({ status: 'present', version: 2 });
    await expect(set(lessonId, teacher, { status: 'late', minutesLate: 3, expectedVersion: 0 })).resolves.toMatchObject({ version: 3 });
    await expect(set(lessonId, teacher, { status: 'present', expectedVersion: 3 })).resolves.toMatchObject({ version: 4 });
    await expect(set(lessonId, teacher, { status: 'absent', expectedVersion: 4 })).resolves.toMatchObject({ version: 5 });
    await expect(set(lessonId, teacher, { status: 'present', expectedVersion: 2 })).rejects.toMatchObject({ code: ErrorCode.VersionConflict });
  });

  it('R-ATT-1 (safe writes): of two writes racing with the same version, one wins and the other gets VERSION_CONFLICT', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const results = await Promise.allSettled([
      set(lessonId, teacher, { status: 'absent', reason: 'illness', expectedVersion: 0 }),
      set(lessonId, teacher, { status: 'late', minutesLate: 7, expectedVersion: 0 }),
    ]);
    const won = results.filter((result): result is PromiseFulfilledResult<AttendanceEntry> => result.status === 'fulfilled');
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect([won.length, lost.length]).toEqual([1, 1]);
    expect(lost[0]!.reason).toMatchObject({ code: ErrorCode.VersionConflict, details: { current: won[0]!.value } });
  });

  it('R-ACC-3: a substitute marks the lesson they substitute under their own name, and no other lesson of the page', async () => {
    const substituted = h.world.addLesson(page, TODAY);
    const other = h.world.addLesson(page, TODAY);
    h.world.addSubstitute(substituted, substituteId);
    await expect(set(substituted, substitute, { status: 'absent', reason: 'unexcused' })).resolves.toMatchObject({
      status: 'absent',
      recordedBy: substituteId,
    });
    await expect(set(other, substitute, { status: 'absent' })).rejects.toMatchObject({ code: ErrorCode.NotFound });
    const { changes } = await history(substituted, teacher);
    expect(changes.map((change) => change.actorId)).toEqual([substituteId]);
  });

  it('R-MARK-7: the history lists who, when, the old and the new value of every change, a deletion included', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const absent = await set(lessonId, teacher, { status: 'absent' });
    const late = await set(lessonId, teacher, { status: 'late', minutesLate: 10 });
    const present = await set(lessonId, teacher, { status: 'present' });
    const at = TEST_NOW.toISOString();
    const expected = {
      changes: [
        { studentId: pupil.id, action: 'created', oldValue: null, newValue: absent, actorId: teacherId, at, reason: null },
        { studentId: pupil.id, action: 'updated', oldValue: absent, newValue: late, actorId: teacherId, at, reason: null },
        { studentId: pupil.id, action: 'deleted', oldValue: late, newValue: present, actorId: teacherId, at, reason: null },
      ],
    };
    // Whoever reads the lesson reads its history: the page's teacher and the class teacher.
    await expect(history(lessonId, teacher)).resolves.toEqual(expected);
    await expect(history(lessonId, classTeacher)).resolves.toEqual(expected);
    await expect(h.rpc.call(AttendanceRpc.lessonHistory, { lessonId, studentId: randomUUID() }, { actor: teacher })).resolves.toEqual({
      changes: [],
    });
    // The history rows cannot be changed or deleted.
    await expect(h.db.query('DELETE FROM attendance_history WHERE lesson_id = $1', [lessonId])).rejects.toThrow('append-only');
  });

  it('R-MARK-7: a stranger learns nothing of a lesson\'s history: the answer for a missing lesson', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    await set(lessonId, teacher, { status: 'absent' });
    const refused = await refusalOf(history(lessonId, stranger));
    expect(refused).toEqual(await refusalOf(history(randomUUID(), stranger)));
    expect(refused).toMatchObject({ code: ErrorCode.NotFound, message: 'Урок не найден' });
  });
});
