import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  type Actor,
  AttendanceEvents,
  AttendanceRpc,
  ErrorCode,
  type Page,
  type Person,
  type RpcRequest,
  SYSTEM_SEED_ACTOR,
} from '#contracts';
import { eventually, type LessonServiceHarness, outboxDrained, person, personActor, publishedEvents, refusalOf, startLessonServiceHarness, TEST_NOW, TODAY, TOMORROW, YESTERDAY } from '#testing';
import { attendanceServiceSpec } from '../attendance.service-spec.js';

type SetEntry = RpcRequest<typeof AttendanceRpc.setEntry>;

describe('attendance: absences and lateness (R-ATT-1)', () => {
  let h: LessonServiceHarness;
  let page: Page;
  let gradeOnePage: Page;
  let teacher: Actor;
  let teacherId: string;
  let classTeacher: Actor;
  let stranger: Actor;
  let pupil: Person;
  let leftInNovember: Person;

  beforeAll(async () => {
    h = await startLessonServiceHarness(attendanceServiceSpec);
    const school = h.world.addSchool();
    teacherId = randomUUID();
    const classTeacherId = randomUUID();
    teacher = personActor(teacherId, 'teacher', school.id);
    classTeacher = personActor(classTeacherId, 'teacher', school.id);
    stranger = personActor(randomUUID(), 'teacher', school.id);
    pupil = person('Никитина', 'Дарья');
    leftInNovember = person('Белов', 'Артём');
    const enrollments = [
      { student: pupil, from: '2026-09-01', to: null },
      { student: leftInNovember, from: '2026-09-01', to: '2026-11-30' },
    ];
    page = h.world.addPage(school, { grade: 4, teacherId, readers: [classTeacherId], enrollments });
    gradeOnePage = h.world.addPage(school, { grade: 1, teacherId, readers: [classTeacherId], enrollments });
  });

  afterAll(async () => {
    await h?.close();
  });

  const set = (lessonId: string, actor: Actor, entry: Omit<SetEntry, 'lessonId' | 'studentId'> & { studentId?: string }) =>
    h.rpc.call(AttendanceRpc.setEntry, { lessonId, studentId: pupil.id, ...entry }, { actor });

  async function countRows(): Promise<{ entries: number; history: number; outbox: number }> {
    const [row] = await h.db.query<Array<{ entries: number; history: number; outbox: number }>>(
      `SELECT (SELECT count(*)::int FROM attendance_entry) AS entries, (SELECT count(*)::int FROM attendance_history) AS history,
              (SELECT count(*)::int FROM outbox) AS outbox`,
    );
    return row!;
  }

  it('R-ATT-1: records an absence for illness, lists it for the lesson and publishes entriesSaved', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const entry = await set(lessonId, teacher, { status: 'absent', reason: 'illness' });
    expect(entry).toEqual({
      lessonId,
      studentId: pupil.id,
      status: 'absent',
      reason: 'illness',
      minutesLate: null,
      recordedAt: TEST_NOW.toISOString(),
      recordedBy: teacherId,
      reasonConfirmedBy: null,
      reasonConfirmedAt: null,
      version: 1,
    });
    await expect(h.rpc.call(AttendanceRpc.getLesson, { lessonId }, { actor: classTeacher })).resolves.toEqual({ entries: [entry] });
    await outboxDrained(h);
    await eventually(async () => {
      const events = await publishedEvents(h.deployment.nats, AttendanceEvents.entriesSaved.subject);
      expect(events.map((event) => event.payload)).toContainEqual({ entries: [entry] });
    });
  });

  it('R-ATT-1: records lateness with its minutes', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    await expect(set(lessonId, teacher, { status: 'late', minutesLate: 10 })).resolves.toMatchObject({
      status: 'late',
      reason: null,
      minutesLate: 10,
      version: 1,
    });
  });

  it('R-ATT-1: a reason goes only with an absence, minutes only with lateness', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    await expect(set(lessonId, teacher, { status: 'late', reason: 'illness', minutesLate: 5 })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
    await expect(set(lessonId, teacher, { status: 'late' })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('R-ATT-1, R-MARK-7: "present" removes the entry and the history keeps every change', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const absent = await set(lessonId, teacher, { status: 'absent', reason: 'unexcused' });
    const excused = await set(lessonId, teacher, { status: 'absent', reason: 'excused' });
    const present = await set(lessonId, teacher, { status: 'present' });
    expect(excused).toMatchObject({ reason: 'excused', version: 2 });
    expect(present).toEqual({
      lessonId,
      studentId: pupil.id,
      status: 'present',
      reason: null,
      minutesLate: null,
      recordedAt: TEST_NOW.toISOString(),
      recordedBy: teacherId,
      reasonConfirmedBy: null,
      reasonConfirmedAt: null,
      version: 3,
    });
    await expect(h.rpc.call(AttendanceRpc.getLesson, { lessonId }, { actor: teacher })).resolves.toEqual({ entries: [] });
    const history = await h.db.query(
      'SELECT action, old_value, new_value, actor_id, at FROM attendance_history WHERE lesson_id = $1 ORDER BY id',
      [lessonId],
    );
    expect(history).toEqual([
      { action: 'created', old_value: null, new_value: absent, actor_id: teacherId, at: TEST_NOW },
      { action: 'updated', old_value: absent, new_value: excused, actor_id: teacherId, at: TEST_NOW },
      { action: 'deleted', old_value: excused, new_value: present, actor_id: teacherId, at: TEST_NOW },
    ]);
    await outboxDrained(h);
    const events = await publishedEvents<{ entries: Array<{ lessonId: string }> }>(
      h.deployment.nats,
      AttendanceEvents.entriesSaved.subject,
    );
    expect(events.map((event) => event.payload).filter((payload) => payload.entries[0]?.lessonId === lessonId)).toEqual([
      { entries: [absent] },
      { entries: [excused] },
      { entries: [present] },
    ]);
    // Absent again after "present": the versions go on from the history.
    await expect(set(lessonId, teacher, { status: 'late', minutesLate: 3 })).resolves.toMatchObject({ version: 4 });
  });

  it('setting what is already recorded, or "present" for a student with no entry, changes nothing', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const entry = await set(lessonId, teacher, { status: 'late', minutesLate: 7 });
    const before = await countRows();
    await expect(set(lessonId, teacher, { status: 'late', minutesLate: 7 })).resolves.toEqual(entry);
    const untouched = h.world.addLesson(page, TODAY);
    // Version 0: nothing was ever recorded for the student at this lesson.
    await expect(set(untouched, teacher, { status: 'present' })).resolves.toMatchObject({ status: 'present', recordedBy: null, version: 0 });
    expect(await countRows()).toEqual(before);
  });

  it('R-MARK-2: grade 1 keeps attendance', async () => {
    const lessonId = h.world.addLesson(gradeOnePage, TODAY);
    await expect(set(lessonId, teacher, { status: 'absent', reason: 'illness' })).resolves.toMatchObject({ status: 'absent' });
  });

  it('R-MARK-3: an absence recorded the day after the lesson is accepted and stored as late', async () => {
    const lessonId = h.world.addLesson(page, YESTERDAY);
    await set(lessonId, teacher, { status: 'absent', reason: 'illness' });
    expect(await h.db.query('SELECT late, recorded_at FROM attendance_entry WHERE lesson_id = $1', [lessonId])).toEqual([
      { late: true, recorded_at: TEST_NOW },
    ]);
  });

  it('LESSON_NOT_CONDUCTED, PERIOD_CLOSED, CONFLICT: no attendance for a future, closed-period or cancelled lesson', async () => {
    const before = await countRows();
    await expect(set(h.world.addLesson(page, TOMORROW), teacher, { status: 'absent' })).rejects.toMatchObject({
      code: ErrorCode.LessonNotConducted,
    });
    await expect(set(h.world.addLesson(page, YESTERDAY, { periodClosed: true }), teacher, { status: 'absent' })).rejects.toMatchObject({
      code: ErrorCode.PeriodClosed,
    });
    await expect(set(h.world.addLesson(page, TODAY, { status: 'cancelled' }), teacher, { status: 'absent' })).rejects.toMatchObject({
      code: ErrorCode.Conflict,
    });
    expect(await countRows()).toEqual(before);
  });

  it('R-CAL-4: a student not enrolled in the class on the lesson date is refused', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const before = await countRows();
    await expect(set(lessonId, teacher, { studentId: leftInNovember.id, status: 'absent' })).rejects.toMatchObject({
      code: ErrorCode.StudentNotEnrolled,
    });
    expect(await countRows()).toEqual(before);
  });

  it('R-ACC-3: the class teacher may not write on another teacher’s page; a stranger sees a missing lesson', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const before = await countRows();
    await expect(set(lessonId, classTeacher, { status: 'absent' })).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
      message: 'Эта страница журнала вам не назначена',
    });
    const strangerWrite = await refusalOf(set(lessonId, stranger, { status: 'absent' }));
    const strangerRead = await refusalOf(h.rpc.call(AttendanceRpc.getLesson, { lessonId }, { actor: stranger }));
    const missing = await refusalOf(set(randomUUID(), stranger, { status: 'absent' }));
    expect(strangerWrite).toEqual({ code: ErrorCode.NotFound, message: 'Урок не найден', details: undefined });
    expect(strangerRead).toEqual(strangerWrite);
    expect(missing).toEqual(strangerWrite);
    expect(await countRows()).toEqual(before);
  });

  it('the system actor records attendance with no person as its author', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    await expect(set(lessonId, SYSTEM_SEED_ACTOR, { status: 'absent', reason: 'excused' })).resolves.toMatchObject({
      recordedBy: null,
    });
  });
});
