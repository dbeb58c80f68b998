import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Actor, ErrorCode, JournalEvents, JournalRpc, type LessonRecord, type Page, SYSTEM_SEED_ACTOR } from '#contracts';
import { eventually, type LessonServiceHarness, person, personActor, publishedEvents, refusalOf, startLessonServiceHarness, TEST_NOW, TODAY, TOMORROW, YESTERDAY } from '#testing';
import { journalServiceSpec } from '../journal.service-spec.js';

describe('journal: lesson topic and homework', () => {
  let h: LessonServiceHarness;
  let page: Page;
  let gradeOnePage: Page;
  let teacher: Actor;
  let teacherId: string;
  let deputy: Actor;
  let stranger: Actor;

  beforeAll(async () => {
    h = await startLessonServiceHarness(journalServiceSpec);
    const school = h.world.addSchool();
    teacherId = randomUUID();
    const deputyId = randomUUID();
    teacher = personActor(teacherId, 'teacher', school.id);
    deputy = personActor(deputyId, 'deputy', school.id);
    stranger = personActor(randomUUID(), 'teacher', school.id);
    const enrollments = [{ student: person('Иванов', 'Глеб'), from: '2026-09-01', to: null }];
    page = h.world.addPage(school, { grade: 5, teacherId, readers: [deputyId], enrollments });
    gradeOnePage = h.world.addPage(school, { grade: 1, teacherId, readers: [deputyId], enrollments });
  });

  afterAll(async () => {
    await h?.close();
  });

  const save = (lessonId: string, actor: Actor, content: { topic: string; homework?: string | null; expectedVersion?: number }) =>
    h.rpc.call(JournalRpc.saveLessonContent, { lessonId, ...content }, { actor });

  async function countRows(): Promise<{ records: number; history: number; outbox: number }> {
    const [row] = await h.db.query<Array<{ records: number; history: number; outbox: number }>>(
      `SELECT (SELECT count(*)::int FROM lesson_record) AS records, (SELECT count(*)::int FROM journal_history) AS history,
              (SELECT count(*)::int FROM outbox) AS outbox`,
    );
    return row!;
  }

  it('shows an empty record for a lesson with nothing recorded yet', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    await expect(h.rpc.call(JournalRpc.getLesson, { lessonId }, { actor: teacher })).resolves.toEqual({
      lessonId,
      pageId: page.id,
      topic: null,
      homework: null,
      version: 0,
      planTopicId: null,
      marks: [],
    });
  });

  it('records topic and homework, counts versions and publishes lessonContentSaved through the outbox', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const first = await save(lessonId, teacher, { topic: '  Сложение дробей ', homework: '№ 12, 14' });
    expect(first).toEqual({ lessonId, pageId: page.id, topic: 'Сложение дробей', homework: '№ 12, 14', version: 1, planTopicId: null, marks: [] });
    const second = await save(lessonId, teacher, { topic: 'Сложение дробей с разными знаменателями', expectedVersion: 1 });
    expect(second).toMatchObject({ topic: 'Сложение дробей с разными знаменателями', homework: null, version: 2 });
    await expect(h.rpc.call(JournalRpc.getLesson, { lessonId }, { actor: deputy })).resolves.toEqual(second);

    await eventually(async () => {
      const events = await publishedEvents(h.deployment.nats, JournalEvents.lessonContentSaved.subject);
      expect(events.filter((event) => (event.payload as { lessonId: string }).lessonId === lessonId).map((e) => e.payload)).toEqual([
        {
          lessonId,
          pageId: page.id,
          topic: 'Сложение дробей',
          homework: '№ 12, 14',
          version: 1,
          enteredAt: TEST_NOW.toISOString(),
          late: false,
          planTopicId: null,
        },
        {
          lessonId,
          pageId: page.id,
          topic: 'Сложение дробей с разными знаменателями',
          homework: null,
          version: 2,
          enteredAt: TEST_NOW.toISOString(),
          late: false,
          planTopicId: null,
        },
      ]);
    });
  });

  it('R-MARK-7: every change of a topic keeps its history: who, when, old and new value', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    await save(lessonId, teacher, { topic: 'Десятичные дроби' });
    await save(lessonId, teacher, { topic: 'Десятичные дроби. Сравнение', homework: 'стр. 40' });
    const rows = await h.db.query(
      'SELECT entity, action, old_value, new_value, actor_id, at FROM journal_history WHERE entity_id = $1 ORDER BY id',
      [lessonId],
    );
    expect(rows).toEqual([
      {
        entity: 'lesson_record',
        action: 'created',
        old_value: null,
        new_value: { topic: 'Десятичные дроби', homework: null, planTopicId: null, version: 1 },
        actor_id: teacherId,
        at: TEST_NOW,
      },
      {
        entity: 'lesson_record',
        action: 'updated',
        old_value: { topic: 'Десятичные дроби', homework: null, planTopicId: null, version: 1 },
        new_value: { topic: 'Десятичные дроби. Сравнение', homework: 'стр. 40', planTopicId: null, version: 2 },
        actor_id: teacherId,
        at: TEST_NOW,
      },
    ]);
  });

  it('saving the same content again changes nothing and publishes nothing', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    const saved = await save(lessonId, teacher, { topic: 'Проценты', homework: '№ 5' });
    const before = await countRows();
    await expect(save(lessonId, teacher, { topic: 'Проценты', homework: '№ 5' })).resolves.toEqual(saved);
    expect(await countRows()).toEqual(before);
  });

  it('VERSION_CONFLICT: a stale edit is refused with the current record and changes nothing', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    await save(lessonId, teacher, { topic: 'Периметр' });
    const current: LessonRecord = await save(lessonId, teacher, { topic: 'Периметр и площадь', expectedVersion: 1 });
    const before = await countRows();
    await expect(save(lessonId, teacher, { topic: 'Площадь', expectedVersion: 1 })).rejects.toMatchObject({
      code: ErrorCode.VersionConflict,
      details: { current },
    });
    await expect(save(randomUUID(), teacher, { topic: 'Площадь', expectedVersion: 0 })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    expect(await countRows()).toEqual(before);
    const fresh = h.world.addLesson(page, TODAY);
    await expect(save(fresh, teacher, { topic: 'Объём', expectedVersion: 0 })).resolves.toMatchObject({ version: 1 });
  });

  it('R-MARK-2: topics are kept in grade 1', async () => {
    const lessonId = h.world.addLesson(gradeOnePage, TODAY);
    await expect(save(lessonId, teacher, { topic: 'Звуки и буквы' })).resolves.toMatchObject({ topic: 'Звуки и буквы', version: 1 });
  });

  it('R-MARK-3: a topic entered after the lesson day is recorded as late; a planned one before the lesson is not', async () => {
    const past = h.world.addLesson(page, YESTERDAY);
    const coming = h.world.addLesson(page, TOMORROW);
    await save(past, teacher, { topic: 'Координатная прямая' });
    await save(coming, teacher, { topic: 'Координатная плоскость' });
    const rows = await h.db.query('SELECT lesson_id, late FROM lesson_record WHERE lesson_id = ANY($1::uuid[]) ORDER BY lesson_date', [
      [past, coming],
    ]);
    expect(rows).toEqual([
      { lesson_id: past, late: true },
      { lesson_id: coming, late: false },
    ]);
  });

  it('PERIOD_CLOSED: a topic in a closed period is refused', async () => {
    const lessonId = h.world.addLesson(page, YESTERDAY, { periodClosed: true });
    await expect(save(lessonId, teacher, { topic: 'Итоговое повторение' })).rejects.toMatchObject({ code: ErrorCode.PeriodClosed });
  });

  it('R-ACC-3: the deputy reads the page but may not write on it; a stranger cannot tell it from a missing lesson', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    await save(lessonId, teacher, { topic: 'Углы' });
    const before = await countRows();
    await expect(save(lessonId, deputy, { topic: 'Не его тема' })).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
      message: 'Эта страница журнала вам не назначена',
    });
    const strangerWrite = await refusalOf(save(lessonId, stranger, { topic: 'Чужая тема' }));
    const strangerRead = await refusalOf(h.rpc.call(JournalRpc.getLesson, { lessonId }, { actor: stranger }));
    const missingRead = await refusalOf(h.rpc.call(JournalRpc.getLesson, { lessonId: randomUUID() }, { actor: stranger }));
    expect(strangerWrite).toEqual({ code: ErrorCode.NotFound, message: 'Урок не найден', details: undefined });
    expect(strangerRead).toEqual(strangerWrite);
    expect(missingRead).toEqual(strangerWrite);
    expect(await countRows()).toEqual(before);
  });

  it('the system actor reads and writes any lesson', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    await expect(save(lessonId, SYSTEM_SEED_ACTOR, { topic: 'Загружено системой' })).resolves.toMatchObject({ version: 1 });
    const [row] = await h.db.query<Array<{ entered_by: string | null }>>('SELECT entered_by FROM lesson_record WHERE lesson_id = $1', [
      lessonId,
    ]);
    expect(row).toEqual({ entered_by: null });
    await expect(h.rpc.call(JournalRpc.getLesson, { lessonId }, { actor: SYSTEM_SEED_ACTOR })).resolves.toMatchObject({
      topic: 'Загружено системой',
    });
  });
});
