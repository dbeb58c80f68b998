import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Actor, ErrorCode, JournalRpc, type Page, type Person, SYSTEM_SEED_ACTOR } from '#contracts';
import { type LessonServiceHarness, person, personActor, refusalOf, startLessonServiceHarness, TODAY, TOMORROW, YESTERDAY } from '#testing';
import { journalServiceSpec } from '../journal.service-spec.js';

describe('journal: what it holds for lessons, asked by planning (R-PLAN-3)', () => {
  let h: LessonServiceHarness;
  let page: Page;
  let teacher: Actor;
  let pupil: Person;

  beforeAll(async () => {
    h = await startLessonServiceHarness(journalServiceSpec);
    const school = h.world.addSchool();
    const teacherId = randomUUID();
    teacher = personActor(teacherId, 'teacher', school.id);
    pupil = person('Орлова', 'Мария');
    page = h.world.addPage(school, { grade: 5, teacherId, enrollments: [{ student: pupil, from: '2026-09-01', to: null }] });
  });

  afterAll(async () => {
    await h?.close();
  });

  const withRecords = (lessonIds: string[], actor: Actor = SYSTEM_SEED_ACTOR) =>
    h.rpc.call(JournalRpc.lessonsWithRecords, { lessonIds }, { actor });

  it('R-PLAN-3: names the lessons with marks (also deleted ones), a topic or homework, and leaves out those with nothing', async () => {
    const marked = h.world.addLesson(page, YESTERDAY);
    const planned = h.world.addLesson(page, TOMORROW);
    const withDeletedMark = h.world.addLesson(page, TODAY);
    const empty = h.world.addLesson(page, TODAY);
    for (const value of [5, 4]) {
      await h.rpc.call(JournalRpc.addMark, { lessonId: marked, studentId: pupil.id, value, workKind: 'answer' }, { actor: teacher });
    }
    await h.rpc.call(JournalRpc.saveLessonContent, { lessonId: planned, topic: 'Деление дробей', homework: '№ 12' }, { actor: teacher });
    // A mark deleted since stays in the journal's history (R-MARK-7): the lesson still holds it.
    await h.db.query(
      `INSERT INTO mark (id, lesson_id, page_id, student_id, value, work_kind, comment, entered_at, entered_by, late, version, deleted_at)
       VALUES ($1, $2, $3, $4, 3, 'answer', NULL, now(), NULL, false, 2, now())`,
      [randomUUID(), withDeletedMark, page.id, pupil.id],
    );

    const { lessons } = await withRecords([marked, planned, withDeletedMark, empty, randomUUID()]);
    expect(lessons.sort((a, b) => a.lessonId.localeCompare(b.lessonId))).toEqual(
      [
        { lessonId: marked, marks: 2, deletedMarks: 0, topic: false, homework: false },
        { lessonId: planned, marks: 0, deletedMarks: 0, topic: true, homework: true },
        { lessonId: withDeletedMark, marks: 0, deletedMarks: 1, topic: false, homework: false },
      ].sort((a, b) => a.lessonId.localeCompare(b.lessonId)),
    );
    await expect(withRecords([])).resolves.toEqual({ lessons: [] });
  });

  it('answers the system only: a person is refused', async () => {
    await expect(refusalOf(withRecords([randomUUID()], teacher))).resolves.toMatchObject({ code: ErrorCode.Forbidden });
  });
});
