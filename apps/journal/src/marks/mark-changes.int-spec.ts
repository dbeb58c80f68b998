import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  type Actor,
  ErrorCode,
  JournalEvents,
  JournalHistoryRpc,
  JournalRpc,
  type Mark,
  MarksRpc,
  type Page,
  type Person,
  SYSTEM_SEED_ACTOR,
} from '#contracts';
import {
  eventually,
  type LessonServiceHarness,
  outboxDrained,
  person,
  personActor,
  publishedEvents,
  refusalOf,
  startLessonServiceHarness,
  TEST_NOW,
  TODAY,
  YESTERDAY,
} from '#testing';
import { journalServiceSpec } from '../journal.service-spec.js';

describe('journal: changing and deleting marks, and their history', () => {
  let h: LessonServiceHarness;
  let page: Page;
  let teacherId: string;
  let substituteId: string;
  let teacher: Actor;
  let substitute: Actor;
  let classTeacher: Actor;
  let stranger: Actor;
  let pupil: Person;
  let classmate: Person;

  beforeAll(async () => {
    h = await startLessonServiceHarness(journalServiceSpec);
    const school = h.world.addSchool();
    teacherId = randomUUID();
    substituteId = randomUUID();
    const classTeacherId = randomUUID();
    teacher = personActor(teacherId, 'teacher', school.id);
    substitute = personActor(substituteId, 'teacher', school.id);
    classTeacher = personActor(classTeacherId, 'teacher', school.id);
    stranger = personActor(randomUUID(), 'teacher', school.id);
    pupil = person('Орлова', 'Мария');
    classmate = person('Соколов', 'Иван');
    page = h.world.addPage(school, {
      grade: 6,
      teacherId,
      readers: [classTeacherId],
      enrollments: [
        { student: pupil, from: '2026-09-01', to: null },
        { student: classmate, from: '2026-09-01', to: null },
      ],
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const addMark = (lessonId: string, actor: Actor = teacher, overrides: Partial<{ studentId: string; value: number; workKind: string }> = {}) =>
    h.rpc.call(JournalRpc.addMark, { lessonId, studentId: pupil.id, value: 5, workKind: 'answer', ...overrides }, { actor });

  const update = (
    mark: Pick<Mark, 'lessonId' | 'id'>,
    change: { value: number; workKind?: string; comment?: string | null; reason?: string | null; expectedVersion?: number },
    actor: Actor = teacher,
  ) =>
    h.rpc.call(
      MarksRpc.update,
      { lessonId: mark.lessonId, markId: mark.id, workKind: 'answer', ...change },
      { actor },
    );

  const remove = (mark: Pick<Mark, 'lessonId' | 'id'>, options: { reason?: string | null; expectedVersion?: number } = {}, actor: Actor = teacher) =>
    h.rpc.call(MarksRpc.delete, { lessonId: mark.lessonId, markId: mark.id, ...options }, { actor });

  const lessonHistory = (lessonId: string, actor: Actor = teacher, studentId?: string) =>
    h.rpc.call(JournalHistoryRpc.ofLesson, { lessonId, ...(studentId ? { studentId } : {}) }, { actor });

  async function rowsOf(markId: string): Promise<{ marks: unknown[]; history: number; outbox: number }> {
    const marks = await h.db.query('SELECT value, work_kind, comment, version, deleted_at FROM mark WHERE id = $1', [markId]);
    const [counts] = await h.db.query<Array<{ history: number; outbox: number }>>(
      `SELECT (SELECT count(*)::int FROM journal_history WHERE entity_id = $1) AS history,
              (SELECT count(*)::int FROM outbox) AS outbox`,
      [markId],
    );
    return { marks, ...counts! };
  }

  it('R-MARK-7: a teacher changes a mark with a reason: new value and version; the history keeps who, when, old → new, why', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const mark = await addMark(lessonId, teacher, { value: 4 });
    const changed = await update(mark, { value: 5, workKind: 'dictation', comment: 'диктант', reason: 'Ошибка при выставлении', expectedVersion: 1 });
    expect(changed).toEqual({ ...mark, value: 5, workKind: 'dictation', comment: 'диктант', version: 2 });

    const { changes } = await lessonHistory(lessonId);
    expect(changes).toEqual([
      expect.objectContaining({ entity: 'mark', markId: mark.id, action: 'created', oldValue: null, late: false }),
      {
        id: expect.any(String),
        entity: 'mark',
        markId: mark.id,
        studentId: pupil.id,
        lessonId,
        pageId: page.id,
        action: 'updated',
        oldValue: { value: 4, workKind: 'answer', comment: null, version: 1 },
        newValue: { value: 5, workKind: 'dictation', comment: 'диктант', version: 2 },
        actorId: teacherId,
        at: TEST_NOW.toISOString(),
        late: false,
        reason: 'Ошибка при выставлении',
      },
    ]);
    await eventually(async () => {
      const events = await publishedEvents(h.deployment.nats, JournalEvents.markChanged.subject);
      expect(events.map((event) => event.payload)).toContainEqual({
        mark: changed,
        previous: { value: 4, workKind: 'answer', comment: null, version: 1 },
        at: TEST_NOW.toISOString(),
        actorId: teacherId,
        late: false,
        reason: 'Ошибка при выставлении',
      });
    });
    await outboxDrained(h);
  });

  it('R-MARK-7: the same value again changes nothing: no new version, no history row, no event', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const mark = await addMark(lessonId, teacher, { value: 3 });
    const before = await rowsOf(mark.id);
    await expect(update(mark, { value: 3 })).resolves.toEqual(mark);
    expect(await rowsOf(mark.id)).toEqual(before);
  });

  it('R-MARK-7: a stale version is refused with VERSION_CONFLICT and the current mark, and changes nothing', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const mark = await addMark(lessonId, teacher, { value: 4 });
    const current = await update(mark, { value: 3, expectedVersion: 1 });
    const before = await rowsOf(mark.id);
    await expect(update(mark, { value: 5, expectedVersion: 1 })).rejects.toMatchObject({
      code: ErrorCode.VersionConflict,
      details: { current },
    });
    await expect(remove(mark, { expectedVersion: 1 })).rejects.toMatchObject({ code: ErrorCode.VersionConflict, details: { current } });
    expect(await rowsOf(mark.id)).toEqual(before);
  });

  it('R-MARK-7: a deleted mark leaves the lesson but not the journal: its row and its history stay, with who and why', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const kept = await addMark(lessonId, teacher, { value: 5 });
    const mark = await addMark(lessonId, teacher, { value: 2 });
    await expect(remove(mark, { reason: 'Поставлена не тому ученику', expectedVersion: 1 })).resolves.toEqual({ markId: mark.id, version: 2 });

    const record = await h.rpc.call(JournalRpc.getLesson, { lessonId }, { actor: teacher });
    expect(record.marks).toEqual([kept]);
    expect(await h.db.query('SELECT value, version, deleted_at FROM mark WHERE id = $1', [mark.id])).toEqual([
      { value: 2, version: 2, deleted_at: TEST_NOW },
    ]);
    const { changes } = await lessonHistory(lessonId, teacher, pupil.id);
    expect(changes.filter((change) => change.entity === 'mark' && change.markId === mark.id)).toEqual([
      expect.objectContaining({ action: 'created', newValue: { value: 2, workKind: 'answer', comment: null, version: 1 } }),
      expect.objectContaining({
        action: 'deleted',
        oldValue: { value: 2, workKind: 'answer', comment: null, version: 1 },
        newValue: null,
        actorId: teacherId,
        reason: 'Поставлена не тому ученику',
        late: false,
      }),
    ]);
    await eventually(async () => {
      const events = await publishedEvents(h.deployment.nats, JournalEvents.markDeleted.subject);
      expect(events.map((event) => event.payload)).toContainEqual({
        mark,
        version: 2,
        at: TEST_NOW.toISOString(),
        actorId: teacherId,
        late: false,
        reason: 'Поставлена не тому ученику',
      });
    });
    // Planning sees that the lesson holds a deleted mark: the lesson is never dropped (R-PLAN-3).
    await expect(h.rpc.call(JournalRpc.lessonsWithRecords, { lessonIds: [lessonId] }, { actor: SYSTEM_SEED_ACTOR })).resolves.toEqual({
      lessons: [{ lessonId, marks: 1, deletedMarks: 1, topic: false, homework: false }],
    });
  });

  it('R-MARK-7: a deleted mark is neither changed nor deleted again', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const mark = await addMark(lessonId);
    await remove(mark);
    await expect(update(mark, { value: 4 })).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Отметка уже удалена' });
    await expect(remove(mark)).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Отметка уже удалена' });
  });

  it('R-MARK-3: a change and a deletion after the lesson’s day are accepted and recorded as late', async () => {
    const lessonId = h.world.addLesson(page, YESTERDAY);
    const changed = await addMark(lessonId);
    const deleted = await addMark(lessonId);
    await update(changed, { value: 4, reason: 'Пересдача' });
    await remove(deleted);
    const { changes } = await lessonHistory(lessonId);
    expect(changes.map((change) => [change.action, change.late])).toEqual([
      ['created', true],
      ['created', true],
      ['updated', true],
      ['deleted', true],
    ]);
    await eventually(async () => {
      const events = await publishedEvents<{ mark: Mark; late: boolean }>(h.deployment.nats, JournalEvents.markChanged.subject);
      expect(events.find((event) => event.payload.mark.id === changed.id)?.payload.late).toBe(true);
    });
  });

  it('R-MARK-1, R-MARK-4: a changed mark is on the school’s scale and of a kind the school keeps', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const mark = await addMark(lessonId);
    await expect(update(mark, { value: 1 })).rejects.toMatchObject({ code: ErrorCode.MarkOutOfScale });
    await expect(update(mark, { value: 4, workKind: 'essay' })).rejects.toMatchObject({ code: ErrorCode.UnknownWorkKind });
    await expect(update(mark, { value: 6 })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('R-MARK-1, R-MARK-2: a mark loaded where no marks are kept (grade 1, an unmarked subject) is not changed, but may be deleted', async () => {
    const school = h.world.schools.get(page.schoolId)!;
    const gradeOne = h.world.addPage(school, { grade: 1, teacherId, enrollments: [{ student: pupil, from: '2026-09-01', to: null }] });
    const loaded = async (lessonId: string, pageId: string) => {
      const [row] = await h.db.query<Array<{ id: string }>>(
        `INSERT INTO mark (id, lesson_id, page_id, student_id, value, work_kind, entered_at, late, version)
         VALUES ($1, $2, $3, $4, 5, 'answer', $5, false, 1) RETURNING id`,
        [randomUUID(), lessonId, pageId, pupil.id, TEST_NOW],
      );
      return { lessonId, id: row!.id };
    };
    const inGradeOne = await loaded(h.world.addLesson(gradeOne, TODAY), gradeOne.id);
    const unmarked = await loaded(h.world.addLesson(page, TODAY, { marked: false }), page.id);
    await expect(update(inGradeOne, { value: 4 })).rejects.toMatchObject({ code: ErrorCode.MarksNotKeptInGrade1 });
    await expect(update(unmarked, { value: 4 })).rejects.toMatchObject({ code: ErrorCode.SubjectUnmarked });
    await expect(remove(inGradeOne, { reason: 'В 1 классе отметки не ставятся' })).resolves.toEqual({ markId: inGradeOne.id, version: 2 });
    await expect(remove(unmarked)).resolves.toEqual({ markId: unmarked.id, version: 2 });
  });

  it('a mark is changed only on its own lesson: another lesson’s mark or no mark at all is NOT_FOUND', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const otherLesson = h.world.addLesson(page, TODAY);
    const mark = await addMark(otherLesson);
    await expect(update({ lessonId, id: mark.id }, { value: 4 })).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Отметка не найдена' });
    await expect(remove({ lessonId, id: randomUUID() })).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Отметка не найдена' });
  });

  it('R-ACC-3: the class teacher reads but may not change or delete a mark; a stranger is answered as for a missing lesson', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const mark = await addMark(lessonId);
    await expect(update(mark, { value: 2 }, classTeacher)).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(remove(mark, {}, classTeacher)).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    expect(await refusalOf(update(mark, { value: 2 }, stranger))).toEqual({ code: ErrorCode.NotFound, message: 'Урок не найден', details: undefined });
    expect(await refusalOf(lessonHistory(lessonId, stranger))).toEqual({ code: ErrorCode.NotFound, message: 'Урок не найден', details: undefined });
    await expect(lessonHistory(lessonId, classTeacher)).resolves.toMatchObject({ changes: [expect.objectContaining({ markId: mark.id })] });
  });

  it('PERIOD_CLOSED: no mark is changed or deleted in a closed period', async () => {
    const lessonId = h.world.addLesson(page, YESTERDAY, { periodClosed: true });
    const [row] = await h.db.query<Array<{ id: string }>>(
      `INSERT INTO mark (id, lesson_id, page_id, student_id, value, work_kind, entered_at, late, version)
       VALUES ($1, $2, $3, $4, 4, 'answer', $5, false, 1) RETURNING id`,
      [randomUUID(), lessonId, page.id, pupil.id, TEST_NOW],
    );
    const mark = { lessonId, id: row!.id };
    await expect(update(mark, { value: 5 })).rejects.toMatchObject({ code: ErrorCode.PeriodClosed });
    await expect(remove(mark)).rejects.toMatchObject({ code: ErrorCode.PeriodClosed });
  });

  it('R-ACC-3, R-MARK-7: a substitute writes marks and the topic under their own name, corrects the teacher’s mark, and the history shows them', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const teachers = await addMark(lessonId, teacher, { value: 3 });
    h.world.addSubstitute(lessonId, substituteId);
    const own = await addMark(lessonId, substitute, { value: 5, studentId: classmate.id });
    expect(own).toMatchObject({ enteredBy: substituteId, late: false });
    await h.rpc.call(JournalRpc.saveLessonContent, { lessonId, topic: 'Проценты', homework: '№ 101' }, { actor: substitute });
    await update(teachers, { value: 4, reason: 'Исправлено на замене' }, substitute);

    const { changes } = await lessonHistory(lessonId, substitute);
    expect(changes.map((change) => [change.entity, change.action, change.actorId])).toEqual([
      ['mark', 'created', teacherId],
      ['mark', 'created', substituteId],
      ['lesson-content', 'created', substituteId],
      ['mark', 'updated', substituteId],
    ]);
    expect(changes[2]).toMatchObject({ newValue: { topic: 'Проценты', homework: '№ 101', planTopicId: null, version: 1 }, late: false });
    const record = await h.rpc.call(JournalRpc.getLesson, { lessonId }, { actor: teacher });
    expect(record.marks.find((mark) => mark.id === teachers.id)).toMatchObject({ value: 4, enteredBy: teacherId, version: 2 });
  });

  it('R-MARK-7: a page’s history, newest first, a page at a time, by student and by the days the changes were made', async () => {
    const historyPage = h.world.addPage(h.world.schools.get(page.schoolId)!, {
      grade: 7,
      teacherId,
      enrollments: [
        { student: pupil, from: '2026-09-01', to: null },
        { student: classmate, from: '2026-09-01', to: null },
      ],
    });
    const lessonId = h.world.addLesson(historyPage, TODAY);
    const first = await addMark(lessonId, teacher, { value: 5 });
    await addMark(lessonId, teacher, { value: 4, studentId: classmate.id });
    await h.rpc.call(JournalRpc.saveLessonContent, { lessonId, topic: 'Уравнения' }, { actor: teacher });
    await update(first, { value: 3 });
    await remove(first);

    const ofPage = (query: { limit?: number; before?: string; studentId?: string; from?: string; to?: string }, actor: Actor = teacher) =>
      h.rpc.call(JournalHistoryRpc.ofPage, { pageId: historyPage.id, ...query }, { actor });
    const firstPage = await ofPage({ limit: 3 });
    expect(firstPage.changes.map((change) => [change.entity, change.action])).toEqual([
      ['mark', 'deleted'],
      ['mark', 'updated'],
      ['lesson-content', 'created'],
    ]);
    expect(firstPage.next).toEqual(firstPage.changes[2]!.id);
    const secondPage = await ofPage({ limit: 3, before: firstPage.next! });
    expect(secondPage).toEqual({
      changes: [
        expect.objectContaining({ entity: 'mark', action: 'created', studentId: classmate.id }),
        expect.objectContaining({ entity: 'mark', action: 'created', studentId: pupil.id }),
      ],
      next: null,
    });
    const pupils = await ofPage({ studentId: pupil.id });
    expect(pupils.changes.map((change) => change.action)).toEqual(['deleted', 'updated', 'created']);
    // TEST_NOW is 3 December, 10:00 in Yekaterinburg: the changes were made that day in the school's zone.
    expect((await ofPage({ from: TODAY, to: TODAY })).changes).toHaveLength(5);
    expect((await ofPage({ from: '2026-12-04' })).changes).toEqual([]);
    expect((await ofPage({ to: YESTERDAY })).changes).toEqual([]);
    await expect(ofPage({ from: TODAY, to: YESTERDAY })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });

    expect(await refusalOf(ofPage({}, stranger))).toEqual({ code: ErrorCode.NotFound, message: 'Страница журнала не найдена', details: undefined });
    expect(await refusalOf(h.rpc.call(JournalHistoryRpc.ofPage, { pageId: randomUUID() }, { actor: teacher }))).toEqual({
      code: ErrorCode.NotFound,
      message: 'Страница журнала не найдена',
      details: undefined,
    });
  });

  it('R-MARK-7: a page’s history keeps the order the changes were made in, also past the tenth', async () => {
    const busyPage = h.world.addPage(h.world.schools.get(page.schoolId)!, {
      grade: 9,
      teacherId,
      enrollments: [{ student: pupil, from: '2026-09-01', to: null }],
    });
    const lessonId = h.world.addLesson(busyPage, TODAY);
    const added: Mark[] = [];
    for (let index = 0; index < 12; index += 1) added.push(await addMark(lessonId, teacher, { value: 2 + (index % 4) }));
    const { changes } = await h.rpc.call(JournalHistoryRpc.ofPage, { pageId: busyPage.id, limit: 20 }, { actor: teacher });
    expect(changes.map((change) => (change.entity === 'mark' ? change.markId : null))).toEqual(added.map((mark) => mark.id).reverse());
    const lesson = await lessonHistory(lessonId);
    expect(lesson.changes.map((change) => (change.entity === 'mark' ? change.markId : null))).toEqual(added.map((mark) => mark.id));
  });

  it('R-MARK-7: the history is append-only: rows are neither changed nor removed', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const mark = await addMark(lessonId);
    await expect(h.db.query("UPDATE journal_history SET reason = 'подчистка' WHERE entity_id = $1", [mark.id])).rejects.toThrow(/append-only/);
    await expect(h.db.query('DELETE FROM journal_history WHERE entity_id = $1', [mark.id])).rejects.toThrow(/append-only/);
  });

  it('R-MARK-4: tells identity which kinds of work marks on pages have, deleted marks included; only to the system', async () => {
    const kindsPage = h.world.addPage(h.world.schools.get(page.schoolId)!, {
      grade: 8,
      teacherId,
      enrollments: [{ student: pupil, from: '2026-09-01', to: null }],
    });
    const lessonId = h.world.addLesson(kindsPage, TODAY);
    await addMark(lessonId, teacher, { workKind: 'answer' });
    await remove(await addMark(lessonId, teacher, { workKind: 'dictation' }));
    const ask = (actor: Actor) =>
      h.rpc.call(MarksRpc.workKindsUsed, { pageIds: [kindsPage.id, randomUUID()], workKinds: ['answer', 'dictation', 'essay'] }, { actor });
    await expect(ask({ kind: 'system', name: 'identity' })).resolves.toEqual({ workKinds: ['answer', 'dictation'] });
    await expect(ask(teacher)).rejects.toMatchObject({ code: ErrorCode.Forbidden });
  });
});
