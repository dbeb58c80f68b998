import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Actor, ErrorCode, JournalEvents, JournalRpc, type Mark, type Page, type Person, type School } from '#contracts';
import { eventually, type LessonServiceHarness, outboxDrained, person, personActor, publishedEvents, refusalOf, startLessonServiceHarness, TEST_NOW, TODAY, TOMORROW, YESTERDAY } from '#testing';
import { journalServiceSpec } from '../journal.service-spec.js';

describe('journal: marks', () => {
  let h: LessonServiceHarness;
  let school: School;
  let page: Page;
  let gradeOnePage: Page;
  let teacher: Actor;
  let classTeacher: Actor;
  let stranger: Actor;
  let teacherId: string;
  let pupil: Person;
  let leftInNovember: Person;
  let joinsInJanuary: Person;

  beforeAll(async () => {
    h = await startLessonServiceHarness(journalServiceSpec);
    school = h.world.addSchool();
    teacherId = randomUUID();
    const classTeacherId = randomUUID();
    teacher = personActor(teacherId, 'teacher', school.id);
    classTeacher = personActor(classTeacherId, 'teacher', school.id);
    stranger = personActor(randomUUID(), 'teacher', school.id);
    pupil = person('Орлова', 'Мария');
    leftInNovember = person('Зайцев', 'Пётр');
    joinsInJanuary = person('Лебедева', 'Анна');
    page = h.world.addPage(school, {
      grade: 5,
      teacherId,
      readers: [classTeacherId],
      enrollments: [
        { student: pupil, from: '2026-09-01', to: null },
        { student: leftInNovember, from: '2026-09-01', to: '2026-11-30' },
        { student: joinsInJanuary, from: '2027-01-12', to: null },
      ],
    });
    gradeOnePage = h.world.addPage(school, {
      grade: 1,
      teacherId,
      enrollments: [{ student: pupil, from: '2026-09-01', to: null }],
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const addMark = (lessonId: string, actor: Actor, overrides: Partial<{ studentId: string; value: number; workKind: string }> = {}) =>
    h.rpc.call(
      JournalRpc.addMark,
      { lessonId, studentId: pupil.id, value: 5, workKind: 'answer', ...overrides },
      { actor },
    );

  async function countRows(): Promise<{ marks: number; history: number; outbox: number }> {
    const [row] = await h.db.query<Array<{ marks: number; history: number; outbox: number }>>(
      `SELECT (SELECT count(*)::int FROM mark) AS marks, (SELECT count(*)::int FROM journal_history) AS history,
              (SELECT count(*)::int FROM outbox) AS outbox`,
    );
    return row!;
  }

  it('adds a mark on the day of the lesson: on time, entered by the teacher now, published as marksSaved', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const mark = await addMark(lessonId, teacher, { value: 4 });
    expect(mark).toEqual({
      id: expect.any(String),
      lessonId,
      pageId: page.id,
      studentId: pupil.id,
      value: 4,
      workKind: 'answer',
      comment: null,
      enteredAt: TEST_NOW.toISOString(),
      enteredBy: teacherId,
      late: false,
      version: 1,
    });
    await eventually(async () => {
      const events = await publishedEvents(h.deployment.nats, JournalEvents.marksSaved.subject);
      expect(events.map((event) => event.payload)).toContainEqual({ marks: [mark] });
    });
    await outboxDrained(h);
  });

  it('R-MARK-4: a student may get two marks in one lesson (5/4 for a dictation), both kept', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const first = await addMark(lessonId, teacher, { value: 5, workKind: 'dictation' });
    const second = await addMark(lessonId, teacher, { value: 4, workKind: 'dictation' });
    const record = await h.rpc.call(JournalRpc.getLesson, { lessonId }, { actor: teacher });
    expect(record.marks.map((mark) => mark.id).sort()).toEqual([first.id, second.id].sort());
    expect(record.marks.map((mark) => mark.value).sort()).toEqual([4, 5]);
  });

  it('R-MARK-3: a mark entered the day after the lesson is accepted and recorded as late, with its entry time', async () => {
    const lessonId = h.world.addLesson(page, YESTERDAY);
    const mark = await addMark(lessonId, teacher);
    expect(mark).toMatchObject({ late: true, enteredAt: TEST_NOW.toISOString() });
    expect(await h.db.query('SELECT late, entered_at FROM mark WHERE id = $1', [mark.id])).toEqual([
      { late: true, entered_at: TEST_NOW },
    ]);
  });

  it('R-MARK-7: adding a mark writes its history row with who, when and the new value', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const mark = await addMark(lessonId, teacher, { value: 3 });
    const rows = await h.db.query('SELECT entity, action, old_value, new_value, actor_id, at FROM journal_history WHERE entity_id = $1', [
      mark.id,
    ]);
    expect(rows).toEqual([
      { entity: 'mark', action: 'created', old_value: null, new_value: mark, actor_id: teacherId, at: TEST_NOW },
    ]);
  });

  it('R-MARK-2: a mark in a grade-1 class is refused, and the refusal changes nothing', async () => {
    const lessonId = h.world.addLesson(gradeOnePage, TODAY);
    const before = await countRows();
    await expect(addMark(lessonId, teacher)).rejects.toMatchObject({
      code: ErrorCode.MarksNotKeptInGrade1,
      message: 'В 1 классе отметки не ставятся',
    });
    expect(await countRows()).toEqual(before);
  });

  it('R-MARK-1: a mark in an unmarked subject is refused', async () => {
    const lessonId = h.world.addLesson(page, TODAY, { marked: false });
    await expect(addMark(lessonId, teacher)).rejects.toMatchObject({ code: ErrorCode.SubjectUnmarked });
  });

  it('R-MARK-1: a value off the school scale is refused; 1 is accepted where the school enables it', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    await expect(addMark(lessonId, teacher, { value: 1 })).rejects.toMatchObject({
      code: ErrorCode.MarkOutOfScale,
      details: { min: 2, max: 5 },
    });
    const lenient = h.world.addSchool({ markScaleMin: 1 });
    const lenientPage = h.world.addPage(lenient, {
      grade: 7,
      teacherId,
      enrollments: [{ student: pupil, from: '2026-09-01', to: null }],
    });
    const lenientLesson = h.world.addLesson(lenientPage, TODAY);
    await expect(addMark(lenientLesson, personActor(teacherId, 'teacher', lenient.id), { value: 1 })).resolves.toMatchObject({
      value: 1,
    });
  });

  it('R-MARK-4: a kind of work the school does not keep is refused', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    await expect(addMark(lessonId, teacher, { workKind: 'essay' })).rejects.toMatchObject({
      code: ErrorCode.UnknownWorkKind,
      details: { workKind: 'essay', known: ['answer', 'dictation'] },
    });
  });

  it('R-CAL-4: a student not enrolled in the class on the lesson date is refused', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    await expect(addMark(lessonId, teacher, { studentId: leftInNovember.id })).rejects.toMatchObject({
      code: ErrorCode.StudentNotEnrolled,
    });
    await expect(addMark(lessonId, teacher, { studentId: joinsInJanuary.id })).rejects.toMatchObject({
      code: ErrorCode.StudentNotEnrolled,
    });
    const novemberLesson = h.world.addLesson(page, '2026-11-27');
    await expect(addMark(novemberLesson, teacher, { studentId: leftInNovember.id })).resolves.toMatchObject({ late: true });
  });

  it('PERIOD_CLOSED: no mark goes into a closed period', async () => {
    const lessonId = h.world.addLesson(page, YESTERDAY, { periodClosed: true });
    await expect(addMark(lessonId, teacher)).rejects.toMatchObject({ code: ErrorCode.PeriodClosed });
  });

  it('LESSON_NOT_CONDUCTED: no mark for a lesson that has not taken place yet', async () => {
    const lessonId = h.world.addLesson(page, TOMORROW);
    await expect(addMark(lessonId, teacher)).rejects.toMatchObject({ code: ErrorCode.LessonNotConducted });
  });

  it('CONFLICT: no mark for a cancelled lesson', async () => {
    const lessonId = h.world.addLesson(page, TODAY, { status: 'cancelled' });
    await expect(addMark(lessonId, teacher)).rejects.toMatchObject({ code: ErrorCode.Conflict });
  });

  it('R-ACC-3: the class teacher, who reads the page, may not write on another teacher’s page', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const before = await countRows();
    await expect(addMark(lessonId, classTeacher)).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
      message: 'Эта страница журнала вам не назначена',
    });
    expect(await countRows()).toEqual(before);
  });

  it('R-ACC-3: a stranger’s lesson is refused exactly like a lesson that does not exist', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const strangers = await refusalOf(addMark(lessonId, stranger));
    const missing = await refusalOf(addMark(randomUUID(), stranger));
    expect(strangers).toEqual({ code: ErrorCode.NotFound, message: 'Урок не найден', details: undefined });
    expect(strangers).toEqual(missing);
  });

  it('refuses a request without an actor, and a request with an invalid value before asking anyone', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    await expect(
      h.rpc.call(JournalRpc.addMark, { lessonId, studentId: pupil.id, value: 5, workKind: 'answer' }),
    ).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    await expect(addMark(lessonId, teacher, { value: 6 })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('the class teacher reads the lesson with its marks', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const mark: Mark = await addMark(lessonId, teacher);
    await expect(h.rpc.call(JournalRpc.getLesson, { lessonId }, { actor: classTeacher })).resolves.toMatchObject({
      marks: [mark],
    });
  });
});
