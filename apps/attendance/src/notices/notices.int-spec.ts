import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { AbsenceNoticesRpc, type Actor, AttendanceRpc, ErrorCode, type Page, type Person, type RpcRequest } from '#contracts';
import { type LessonServiceHarness, person, personActor, refusalOf, startLessonServiceHarness, TEST_NOW } from '#testing';
import { attendanceServiceSpec } from '../attendance.service-spec.js';

type Notice = Omit<RpcRequest<typeof AbsenceNoticesRpc.send>, 'studentId'>;

describe('attendance: parents\' absence notices, decided by the class teacher (R-ATT-1)', () => {
  let h: LessonServiceHarness;
  let page: Page;
  let teacher: Actor;
  let classTeacher: Actor;
  let classTeacherId: string;
  let parent: Actor;
  let parentId: string;
  let otherParent: Actor;
  let child: Person;
  let arrivesInJanuary: Person;

  beforeAll(async () => {
    h = await startLessonServiceHarness(attendanceServiceSpec);
    const school = h.world.addSchool();
    const teacherId = randomUUID();
    classTeacherId = randomUUID();
    parentId = randomUUID();
    teacher = personActor(teacherId, 'teacher', school.id);
    classTeacher = personActor(classTeacherId, 'teacher', school.id);
    parent = personActor(parentId, 'parent', school.id);
    otherParent = personActor(randomUUID(), 'parent', school.id);
    child = person('Лебедев', 'Кирилл');
    arrivesInJanuary = person('Новикова', 'Ева');
    page = h.world.addPage(school, {
      grade: 3,
      teacherId,
      readers: [classTeacherId],
      enrollments: [
        { student: child, from: '2026-09-01', to: null },
        { student: arrivesInJanuary, from: '2027-01-11', to: null },
      ],
    });
    h.world.addGuardian(parentId, child.id);
    h.world.addGuardian(parentId, arrivesInJanuary.id);
  });

  afterAll(async () => {
    await h?.close();
  });

  const send = (notice: Notice, actor: Actor = parent, studentId = child.id) =>
    h.rpc.call(AbsenceNoticesRpc.send, { studentId, ...notice }, { actor });
  const decide = (noticeId: string, decision: 'accepted' | 'rejected', actor: Actor = classTeacher, comment: string | null = null) =>
    h.rpc.call(AbsenceNoticesRpc.decide, { noticeId, studentId: child.id, decision, comment }, { actor });
  const absent = (date: string) =>
    h.rpc.call(AttendanceRpc.setEntry, { lessonId: h.world.addLesson(page, date), studentId: child.id, status: 'absent' }, { actor: teacher });

  it('R-ATT-1: a parent sends a notice for their child; it waits for the class teacher of the child\'s class', async () => {
    const notice = await send({ reason: 'illness', from: '2026-11-23', to: '2026-11-24', comment: 'Температура' });
    expect(notice).toEqual({
      id: expect.any(String),
      schoolId: page.schoolId,
      classId: page.classId,
      studentId: child.id,
      reason: 'illness',
      from: '2026-11-23',
      to: '2026-11-24',
      comment: 'Температура',
      sentBy: parentId,
      sentAt: TEST_NOW.toISOString(),
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      decisionComment: null,
      version: 1,
    });
    await expect(h.rpc.call(AbsenceNoticesRpc.ofStudent, { studentId: child.id }, { actor: parent })).resolves.toMatchObject({
      notices: expect.arrayContaining([notice]),
    });
    const { notices } = await h.rpc.call(AbsenceNoticesRpc.ofClass, { classId: page.classId, status: 'pending' }, { actor: classTeacher });
    expect(notices).toContainEqual(notice);
  });

  it('R-ATT-1: a parent sends notices for their own children only; a teacher sends none; a child in no class on the first day is refused', async () => {
    const notice: Notice = { reason: 'family', from: '2026-12-07', to: '2026-12-07' };
    const stranger = await refusalOf(send(notice, otherParent));
    expect(stranger).toMatchObject({ code: ErrorCode.NotFound, message: 'Ученик не найден' });
    expect(await refusalOf(send(notice, otherParent, randomUUID()))).toEqual(stranger);
    await expect(send(notice, classTeacher)).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(send(notice, parent, arrivesInJanuary.id)).rejects.toMatchObject({ code: ErrorCode.StudentNotEnrolled });
    await expect(send({ reason: 'other', from: '2026-12-07', to: '2026-12-01' })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    await expect(send({ reason: 'other', from: '2026-09-01', to: '2026-12-31' })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    // Nobody else reads the child's or the class's notices.
    await expect(h.rpc.call(AbsenceNoticesRpc.ofStudent, { studentId: child.id }, { actor: otherParent })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    await expect(h.rpc.call(AbsenceNoticesRpc.ofClass, { classId: page.classId }, { actor: teacher })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
  });

  it('R-ATT-1: an accepted illness notice gives Б to the absences in its range, also to those recorded later; the history says why', async () => {
    const inRange = await absent('2026-11-16');
    const outside = await absent('2026-11-19');
    const notice = await send({ reason: 'illness', from: '2026-11-16', to: '2026-11-18' });
    const accepted = await decide(notice.id, 'accepted', classTeacher, 'Справка будет');
    expect(accepted).toEqual({
      ...notice,
      status: 'accepted',
      decidedBy: classTeacherId,
      decidedAt: TEST_NOW.toISOString(),
      decisionComment: 'Справка будет',
      version: 2,
    });
    const entryOf = async (lessonId: string) =>
      (await h.rpc.call(AttendanceRpc.getLesson, { lessonId }, { actor: classTeacher })).entries[0];
    await expect(entryOf(inRange.lessonId)).resolves.toMatchObject({ reason: 'illness', reasonConfirmedBy: classTeacherId, version: 2 });
    await expect(entryOf(outside.lessonId)).resolves.toMatchObject({ reason: null, reasonConfirmedBy: null, version: 1 });
    const { changes } = await h.rpc.call(AttendanceRpc.lessonHistory, { lessonId: inRange.lessonId }, { actor: classTeacher });
    expect(changes.at(-1)).toMatchObject({ action: 'updated', actorId: classTeacherId, reason: `absence-notice:${notice.id}` });

    // The teacher marks the child absent on 17 November only now: the accepted notice gives the reason.
    await expect(absent('2026-11-17')).resolves.toMatchObject({ reason: 'illness', reasonConfirmedBy: classTeacherId });
    // The parent sees the decision.
    const { notices } = await h.rpc.call(AbsenceNoticesRpc.ofStudent, { studentId: child.id }, { actor: parent });
    expect(notices.find((candidate) => candidate.id === notice.id)).toEqual(accepted);
    // The notice's own history: sent, then accepted.
    expect(
      await h.db.query('SELECT action, actor_id, reason FROM absence_notice_history WHERE notice_id = $1 ORDER BY id', [notice.id]),
    ).toEqual([
      { action: 'created', actor_id: parentId, reason: null },
      { action: 'updated', actor_id: classTeacherId, reason: 'Справка будет' },
    ]);
  });

  it('R-ATT-1: a notice for family reasons gives УП; a rejected one changes nothing; a notice is decided once', async () => {
    const family = await absent('2026-11-09');
    const familyNotice = await send({ reason: 'family', from: '2026-11-09', to: '2026-11-09' });
    await decide(familyNotice.id, 'accepted');
    const entryOf = async (lessonId: string) =>
      (await h.rpc.call(AttendanceRpc.getLesson, { lessonId }, { actor: classTeacher })).entries[0];
    await expect(entryOf(family.lessonId)).resolves.toMatchObject({ reason: 'excused' });

    const skipped = await absent('2026-11-10');
    const doubtful = await send({ reason: 'other', from: '2026-11-10', to: '2026-11-10', comment: 'Проспал' });
    await expect(decide(doubtful.id, 'rejected', classTeacher, 'Причина неуважительная')).resolves.toMatchObject({
      status: 'rejected',
      decisionComment: 'Причина неуважительная',
    });
    await expect(entryOf(skipped.lessonId)).resolves.toEqual(skipped);
    await expect(decide(doubtful.id, 'accepted')).rejects.toMatchObject({ code: ErrorCode.Conflict });
    await expect(absent('2026-11-10')).resolves.toMatchObject({ reason: null, reasonConfirmedBy: null });
  });

  it('R-ATT-1: only the class teacher decides: a parent is refused visibly, a subject teacher learns nothing', async () => {
    const notice = await send({ reason: 'illness', from: '2026-12-01', to: '2026-12-01' });
    await expect(decide(notice.id, 'accepted', parent)).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    const refused = await refusalOf(decide(notice.id, 'accepted', teacher));
    expect(refused).toMatchObject({ code: ErrorCode.NotFound, message: 'Ученик не найден' });
    await expect(decide(randomUUID(), 'accepted')).rejects.toMatchObject({ code: ErrorCode.NotFound });
    await expect(h.rpc.call(AbsenceNoticesRpc.ofStudent, { studentId: child.id }, { actor: classTeacher })).resolves.toMatchObject({
      notices: expect.arrayContaining([expect.objectContaining({ id: notice.id, status: 'pending' })]),
    });
  });
});
