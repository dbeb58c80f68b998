import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Actor, AttendanceRpc, ErrorCode, type Page, type Person, type RpcRequest } from '#contracts';
import { type LessonServiceHarness, person, personActor, refusalOf, startLessonServiceHarness, TEST_NOW, TODAY } from '#testing';
import { attendanceServiceSpec } from '../attendance.service-spec.js';

type SetEntry = RpcRequest<typeof AttendanceRpc.setEntry>;

describe('attendance: the class teacher confirms and changes absence reasons (R-ATT-1)', () => {
  let h: LessonServiceHarness;
  let math: Page;
  let russian: Page;
  let mathTeacher: Actor;
  let mathTeacherId: string;
  let russianTeacher: Actor;
  let classTeacher: Actor;
  let classTeacherId: string;
  let pupil: Person;

  beforeAll(async () => {
    h = await startLessonServiceHarness(attendanceServiceSpec);
    const school = h.world.addSchool();
    mathTeacherId = randomUUID();
    const russianTeacherId = randomUUID();
    classTeacherId = randomUUID();
    mathTeacher = personActor(mathTeacherId, 'teacher', school.id);
    russianTeacher = personActor(russianTeacherId, 'teacher', school.id);
    classTeacher = personActor(classTeacherId, 'teacher', school.id);
    pupil = person('Карпов', 'Егор');
    const enrollments = [{ student: pupil, from: '2026-09-01', to: null }];
    // The class teacher teaches neither subject: the readers of the class's pages stand for them.
    math = h.world.addPage(school, { grade: 7, teacherId: mathTeacherId, readers: [classTeacherId], enrollments });
    russian = h.world.addPage(school, {
      grade: 7,
      teacherId: russianTeacherId,
      readers: [classTeacherId],
      enrollments,
      classId: math.classId,
      subjectCode: 'russian',
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const mark = (lessonId: string, actor: Actor, entry: Omit<SetEntry, 'lessonId' | 'studentId'>) =>
    h.rpc.call(AttendanceRpc.setEntry, { lessonId, studentId: pupil.id, ...entry }, { actor });
  const setReason = (lessonId: string, actor: Actor, request: Omit<RpcRequest<typeof AttendanceRpc.setReason>, 'lessonId' | 'studentId'>) =>
    h.rpc.call(AttendanceRpc.setReason, { lessonId, studentId: pupil.id, ...request }, { actor });
  const setForDates = (actor: Actor, request: Omit<RpcRequest<typeof AttendanceRpc.setReasonForDates>, 'studentId'>) =>
    h.rpc.call(AttendanceRpc.setReasonForDates, { studentId: pupil.id, ...request }, { actor });

  it('R-ATT-1: the class teacher changes the reason of an absence at a lesson of any subject; the change is confirmed and kept in the history', async () => {
    const lessonId = h.world.addLesson(russian, TODAY);
    const recorded = await mark(lessonId, russianTeacher, { status: 'absent', reason: 'unexcused' });
    const changed = await setReason(lessonId, classTeacher, { reason: 'illness', comment: 'Справка из поликлиники', expectedVersion: recorded.version });
    expect(changed).toEqual({
      ...recorded,
      reason: 'illness',
      reasonConfirmedBy: classTeacherId,
      reasonConfirmedAt: TEST_NOW.toISOString(),
      version: recorded.version + 1,
    });
    const { changes } = await h.rpc.call(AttendanceRpc.lessonHistory, { lessonId }, { actor: classTeacher });
    expect(changes.at(-1)).toEqual({
      studentId: pupil.id,
      action: 'updated',
      oldValue: recorded,
      newValue: changed,
      actorId: classTeacherId,
      at: TEST_NOW.toISOString(),
      reason: 'Справка из поликлиники',
    });
    // Confirming what is confirmed changes nothing.
    await expect(setReason(lessonId, classTeacher, { reason: 'illness' })).resolves.toEqual(changed);
  });

  it('R-ATT-1: the class teacher confirms the teacher\'s reason as it is', async () => {
    const lessonId = h.world.addLesson(math, TODAY);
    const recorded = await mark(lessonId, mathTeacher, { status: 'absent', reason: 'excused' });
    await expect(setReason(lessonId, classTeacher, { reason: 'excused' })).resolves.toMatchObject({
      reason: 'excused',
      reasonConfirmedBy: classTeacherId,
      version: recorded.version + 1,
    });
  });

  it('R-ATT-1: a confirmed reason stays when the subject teacher saves the absence again; a change of status drops it', async () => {
    const lessonId = h.world.addLesson(math, TODAY);
    await mark(lessonId, mathTeacher, { status: 'absent' });
    const confirmed = await setReason(lessonId, classTeacher, { reason: 'illness' });
    await expect(mark(lessonId, mathTeacher, { status: 'absent', reason: 'unexcused' })).resolves.toEqual(confirmed);
    await expect(mark(lessonId, mathTeacher, { status: 'late', minutesLate: 10 })).resolves.toMatchObject({
      reason: null,
      reasonConfirmedBy: null,
      reasonConfirmedAt: null,
    });
  });

  it('R-ATT-1, R-ACC-3: a subject teacher may not change reasons (visible refusal); a reason needs an absence; a stale version is refused', async () => {
    const lessonId = h.world.addLesson(math, TODAY);
    const recorded = await mark(lessonId, mathTeacher, { status: 'absent' });
    await expect(setReason(lessonId, mathTeacher, { reason: 'illness' })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(setReason(lessonId, classTeacher, { reason: 'illness', expectedVersion: recorded.version + 5 })).rejects.toMatchObject({
      code: ErrorCode.VersionConflict,
      details: { current: recorded },
    });
    const late = h.world.addLesson(math, TODAY);
    await mark(late, mathTeacher, { status: 'late', minutesLate: 3 });
    await expect(setReason(late, classTeacher, { reason: 'illness' })).rejects.toMatchObject({ code: ErrorCode.Conflict });
    await expect(setReason(h.world.addLesson(math, TODAY), classTeacher, { reason: 'illness' })).rejects.toMatchObject({
      code: ErrorCode.Conflict,
    });
  });

  it('R-ATT-1: "болел с 30 ноября по 2 декабря" gives illness to every absence in the range, of any subject, and to absences recorded there later', async () => {
    const before = h.world.addLesson(math, '2026-11-27');
    const mon = h.world.addLesson(math, '2026-11-30');
    const tue = h.world.addLesson(russian, '2026-12-01');
    const wedLate = h.world.addLesson(math, '2026-12-02');
    const after = h.world.addLesson(math, TODAY);
    await mark(before, mathTeacher, { status: 'absent' });
    await mark(mon, mathTeacher, { status: 'absent', reason: 'unexcused' });
    await mark(tue, russianTeacher, { status: 'absent' });
    await mark(wedLate, mathTeacher, { status: 'late', minutesLate: 15 });
    await mark(after, mathTeacher, { status: 'absent' });

    const { entries } = await setForDates(classTeacher, { from: '2026-11-30', to: '2026-12-02', reason: 'illness', comment: 'Болел' });
    expect(entries.map((entry) => [entry.lessonId, entry.reason, entry.reasonConfirmedBy])).toEqual([
      [mon, 'illness', classTeacherId],
      [tue, 'illness', classTeacherId],
    ]);
    const current = async (lessonId: string) =>
      (await h.rpc.call(AttendanceRpc.getLesson, { lessonId }, { actor: classTeacher })).entries.find((entry) => entry.studentId === pupil.id);
    await expect(current(before)).resolves.toMatchObject({ reason: null, reasonConfirmedBy: null });
    await expect(current(after)).resolves.toMatchObject({ reason: null, reasonConfirmedBy: null });
    await expect(current(wedLate)).resolves.toMatchObject({ status: 'late', reason: null });

    // Recorded later on one of those days, without a reason: illness, confirmed by the class teacher.
    const laterTue = h.world.addLesson(math, '2026-12-01');
    await expect(mark(laterTue, mathTeacher, { status: 'absent' })).resolves.toMatchObject({
      reason: 'illness',
      reasonConfirmedBy: classTeacherId,
      recordedBy: mathTeacherId,
    });
    // The subject teacher's own reason other than "unexcused" stands.
    const laterWed = h.world.addLesson(russian, '2026-12-02');
    await expect(mark(laterWed, russianTeacher, { status: 'absent', reason: 'excused' })).resolves.toMatchObject({
      reason: 'excused',
      reasonConfirmedBy: null,
    });
  });

  it('R-ATT-1: only the student\'s class teacher sets reasons for dates; others learn nothing of the student', async () => {
    const refused = await refusalOf(setForDates(mathTeacher, { from: '2026-11-30', to: '2026-12-02', reason: 'illness' }));
    expect(refused).toMatchObject({ code: ErrorCode.NotFound, message: 'Ученик не найден' });
    const missing = await refusalOf(
      h.rpc.call(AttendanceRpc.setReasonForDates, { studentId: randomUUID(), from: '2026-11-30', to: '2026-12-02', reason: 'illness' }, { actor: mathTeacher }),
    );
    expect(missing).toEqual(refused);
    await expect(setForDates(classTeacher, { from: '2026-12-02', to: '2026-11-30', reason: 'illness' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
  });

  it('PERIOD_CLOSED: reasons for dates touching an absence in a closed period are refused whole', async () => {
    const closed = h.world.addLesson(math, '2026-10-20', { periodClosed: true });
    const open = h.world.addLesson(math, '2026-11-10');
    // The absence in the closed period was recorded before the period closed (the import stands for that here).
    await h.rpc.call(
      AttendanceRpc.importEntries,
      {
        schoolId: math.schoolId,
        entries: [
          { lessonId: closed, pageId: math.id, date: '2026-10-20', studentId: pupil.id, status: 'absent', reason: null, minutesLate: null, recordedAt: '2026-10-20T09:00:00+05:00' },
          { lessonId: open, pageId: math.id, date: '2026-11-10', studentId: pupil.id, status: 'absent', reason: null, minutesLate: null, recordedAt: '2026-11-10T09:00:00+05:00' },
        ],
      },
      { actor: { kind: 'system', name: 'seed' } },
    );
    await expect(setForDates(classTeacher, { from: '2026-10-19', to: '2026-11-11', reason: 'excused' })).rejects.toMatchObject({
      code: ErrorCode.PeriodClosed,
    });
    const { entries } = await h.rpc.call(AttendanceRpc.getLesson, { lessonId: open }, { actor: classTeacher });
    expect(entries).toEqual([expect.objectContaining({ reason: null, reasonConfirmedBy: null, version: 1 })]);
  });
});
