import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Actor, ErrorCode, type EventPayload, JournalEvents, JournalRpc, type Page, type RpcRequest, SYSTEM_SEED_ACTOR } from '#contracts';
import { eventually, type LessonServiceHarness, outboxDrained, person, personActor, publishedEvents, startLessonServiceHarness, TODAY } from '#testing';
import { journalServiceSpec } from '../journal.service-spec.js';

type ImportRequest = RpcRequest<typeof JournalRpc.importLessons>;
type LessonToImport = ImportRequest['lessons'][number];
type LessonsImported = EventPayload<typeof JournalEvents.lessonsImported>;

describe('journal: importing lessons from another system (R-DATA-2)', () => {
  let h: LessonServiceHarness;
  let schoolId: string;
  let page: Page;
  let teacher: Actor;
  let teacherId: string;
  const students = [person('Фролов', 'Илья'), person('Соколова', 'Вера'), person('Кузнецов', 'Лев')];

  beforeAll(async () => {
    h = await startLessonServiceHarness(journalServiceSpec);
    const school = h.world.addSchool();
    schoolId = school.id;
    teacherId = randomUUID();
    teacher = personActor(teacherId, 'teacher', school.id);
    page = h.world.addPage(school, {
      grade: 6,
      teacherId,
      enrollments: students.map((student) => ({ student, from: '2026-09-01', to: null })),
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const importLessons = (lessons: LessonToImport[], actor: Actor = SYSTEM_SEED_ACTOR) =>
    h.rpc.call(JournalRpc.importLessons, { schoolId, timeZone: 'Asia/Yekaterinburg', lessons }, { actor });

  function lessonOn(date: string, enteredAt: string, marks: LessonToImport['marks'] = []): LessonToImport {
    return { lessonId: h.world.addLesson(page, date), pageId: page.id, date, topic: `Тема урока ${date}`, homework: null, enteredAt, enteredBy: teacherId, marks };
  }

  async function eventsOf(lessonIds: string[]): Promise<LessonsImported[]> {
    const events = await publishedEvents<LessonsImported>(h.deployment.nats, JournalEvents.lessonsImported.subject);
    return events
      .map((event) => event.payload)
      .filter((payload) => payload.lessons.some((lesson) => lessonIds.includes(lesson.lessonId)));
  }

  it('only the system imports', async () => {
    await expect(importLessons([lessonOn('2026-10-05', '2026-10-05T10:00:00+05:00')], teacher)).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
  });

  it('imports lessons once: the second import of the same lessons skips them and publishes nothing', async () => {
    const lessons = [
      lessonOn('2026-10-05', '2026-10-05T09:40:00+05:00', [
        { studentId: students[0]!.id, value: 5, workKind: 'answer', enteredAt: '2026-10-05T09:30:00+05:00' },
        { studentId: students[0]!.id, value: 4, workKind: 'dictation', enteredAt: '2026-10-05T09:31:00+05:00' },
      ]),
      lessonOn('2026-10-06', '2026-10-06T11:00:00+05:00'),
    ];
    const ids = lessons.map((lesson) => lesson.lessonId);
    await expect(importLessons(lessons)).resolves.toEqual({ imported: 2, skipped: 0 });
    await expect(importLessons(lessons)).resolves.toEqual({ imported: 0, skipped: 2 });

    expect(await h.db.query('SELECT count(*)::int AS n FROM lesson_record WHERE lesson_id = ANY($1::uuid[])', [ids])).toEqual([{ n: 2 }]);
    expect(await h.db.query('SELECT count(*)::int AS n FROM mark WHERE lesson_id = ANY($1::uuid[])', [ids])).toEqual([{ n: 2 }]);
    await outboxDrained(h);
    await eventually(async () => {
      const events = await eventsOf(ids);
      expect(events).toHaveLength(1);
      expect(events[0]!.lessons.map((lesson) => lesson.lessonId)).toEqual(ids);
      expect(events[0]!.lessons[0]!.marks.map((mark) => mark.value)).toEqual([5, 4]);
    });
    const record = await h.rpc.call(JournalRpc.getLesson, { lessonId: ids[0]! }, { actor: teacher });
    expect(record).toMatchObject({ topic: 'Тема урока 2026-10-05', version: 1 });
    expect(record.marks).toHaveLength(2);
  });

  it('R-MARK-3: an imported entry is late when entered on a school date after the lesson, judged in the school zone (R-CAL-2)', async () => {
    const lesson = lessonOn('2026-10-07', '2026-10-07T18:59:00Z', [
      { studentId: students[0]!.id, value: 3, workKind: 'answer', enteredAt: '2026-10-07T18:59:00+05:00' },
      // 19:30 UTC on the 7th is already the 8th in Yekaterinburg.
      { studentId: students[1]!.id, value: 4, workKind: 'answer', enteredAt: '2026-10-07T19:30:00Z' },
    ]);
    await importLessons([lesson]);
    expect(await h.db.query('SELECT late FROM lesson_record WHERE lesson_id = $1', [lesson.lessonId])).toEqual([{ late: false }]);
    expect(await h.db.query('SELECT student_id, late, entered_at FROM mark WHERE lesson_id = $1 ORDER BY entered_at', [lesson.lessonId])).toEqual([
      { student_id: students[0]!.id, late: false, entered_at: new Date('2026-10-07T18:59:00+05:00') },
      { student_id: students[1]!.id, late: true, entered_at: new Date('2026-10-07T19:30:00Z') },
    ]);
  });

  it('R-MARK-7: imported records and marks are in the history as imported', async () => {
    const lesson = lessonOn('2026-10-08', '2026-10-08T10:00:00+05:00', [
      { studentId: students[2]!.id, value: 5, workKind: 'answer', enteredAt: '2026-10-08T09:50:00+05:00' },
    ]);
    await importLessons([lesson]);
    const [mark] = await h.db.query<Array<{ id: string }>>('SELECT id FROM mark WHERE lesson_id = $1', [lesson.lessonId]);
    const rows = await h.db.query(
      'SELECT entity, entity_id, action, old_value, actor_id FROM journal_history WHERE entity_id = ANY($1::uuid[]) ORDER BY id',
      [[lesson.lessonId, mark!.id]],
    );
    expect(rows).toEqual([
      { entity: 'lesson_record', entity_id: lesson.lessonId, action: 'imported', old_value: null, actor_id: null },
      { entity: 'mark', entity_id: mark!.id, action: 'imported', old_value: null, actor_id: null },
    ]);
  });

  it('leaves alone a lesson that already has marks entered live', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    await h.rpc.call(JournalRpc.addMark, { lessonId, studentId: students[0]!.id, value: 4, workKind: 'answer' }, { actor: teacher });
    const lesson = { ...lessonOn(TODAY, '2026-12-03T09:00:00+05:00'), lessonId };
    await expect(importLessons([lesson])).resolves.toEqual({ imported: 0, skipped: 1 });
    expect(await h.db.query('SELECT count(*)::int AS n FROM lesson_record WHERE lesson_id = $1', [lessonId])).toEqual([{ n: 0 }]);
  });

  it('loads a full batch of 1000 lessons with marks at once, and its events stay within the NATS message limit', async () => {
    const lessons = Array.from({ length: 1000 }, (_, index) => {
      const date = `2026-11-${String((index % 28) + 1).padStart(2, '0')}`;
      return lessonOn(
        date,
        `${date}T10:00:00+05:00`,
        students.map((student, n) => ({ studentId: student.id, value: 2 + ((index + n) % 4), workKind: 'answer', enteredAt: `${date}T09:45:00+05:00` })),
      );
    });
    const ids = lessons.map((lesson) => lesson.lessonId);
    await expect(importLessons(lessons)).resolves.toEqual({ imported: 1000, skipped: 0 });
    expect(await h.db.query('SELECT count(*)::int AS n FROM mark WHERE lesson_id = ANY($1::uuid[])', [ids])).toEqual([{ n: 3000 }]);
    await eventually(
      async () => {
        const events = await eventsOf(ids);
        expect(events.flatMap((event) => event.lessons.map((lesson) => lesson.lessonId))).toEqual(ids);
        expect(events.length).toBeGreaterThan(1);
        expect(events.length).toBeLessThanOrEqual(4);
        for (const event of events) expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThan(1024 * 1024);
      },
      { timeoutMs: 30_000 },
    );
  });
});
