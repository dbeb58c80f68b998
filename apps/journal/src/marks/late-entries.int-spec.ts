import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Actor, JournalHistoryRpc, JournalRpc, MarksRpc, type Page, type Person } from '#contracts';
import { Clock } from '#platform';
import { type LessonServiceHarness, person, personActor, startLessonServiceHarness } from '#testing';
import { journalServiceSpec } from '../journal.service-spec.js';

/** A clock the test moves: the journal asks it for every entry. */
class MovableClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: string): void {
    this.instant = new Date(instant);
  }
}

/** Thursday 3 December 2026 in Yekaterinburg (UTC+5); the server's own zone (UTC) is still on it until 19:00 UTC. */
const LESSON_DAY = '2026-12-03';
const BEFORE_MIDNIGHT = '2026-12-03T23:55:00+05:00';
const AFTER_MIDNIGHT = '2026-12-04T00:05:00+05:00';

describe('journal: entries late by the school’s clock (R-MARK-3, R-CAL-2)', () => {
  const clock = new MovableClock(new Date(BEFORE_MIDNIGHT));
  let h: LessonServiceHarness;
  let page: Page;
  let teacher: Actor;
  let pupil: Person;

  beforeAll(async () => {
    h = await startLessonServiceHarness(journalServiceSpec, { clock });
    const school = h.world.addSchool({ timeZone: 'Asia/Yekaterinburg' });
    const teacherId = randomUUID();
    teacher = personActor(teacherId, 'teacher', school.id);
    pupil = person('Орлова', 'Мария');
    page = h.world.addPage(school, { grade: 5, teacherId, enrollments: [{ student: pupil, from: '2026-09-01', to: null }] });
  });

  afterAll(async () => {
    await h?.close();
  });

  const addMark = (lessonId: string, value: number) =>
    h.rpc.call(JournalRpc.addMark, { lessonId, studentId: pupil.id, value, workKind: 'answer' }, { actor: teacher });

  it('R-MARK-3: five minutes before midnight in Yekaterinburg a mark is on time; five minutes after it is accepted and late', async () => {
    const lessonId = h.world.addLesson(page, LESSON_DAY);
    clock.set(BEFORE_MIDNIGHT);
    const onTime = await addMark(lessonId, 5);
    clock.set(AFTER_MIDNIGHT);
    // 19:05 UTC: still 3 December for a server in UTC, already 4 December at the school.
    expect(new Date(AFTER_MIDNIGHT).toISOString().slice(0, 10)).toBe(LESSON_DAY);
    const late = await addMark(lessonId, 4);

    expect(onTime).toMatchObject({ late: false, enteredAt: new Date(BEFORE_MIDNIGHT).toISOString() });
    expect(late).toMatchObject({ late: true, enteredAt: new Date(AFTER_MIDNIGHT).toISOString() });
    expect(await h.db.query('SELECT value, late, entered_at FROM mark WHERE lesson_id = $1 ORDER BY entered_at', [lessonId])).toEqual([
      { value: 5, late: false, entered_at: new Date(BEFORE_MIDNIGHT) },
      { value: 4, late: true, entered_at: new Date(AFTER_MIDNIGHT) },
    ]);
  });

  it('R-MARK-3: a change of a mark and the topic after midnight in the school’s zone are late; the mark keeps its on-time entry', async () => {
    const lessonId = h.world.addLesson(page, LESSON_DAY);
    clock.set(BEFORE_MIDNIGHT);
    const mark = await addMark(lessonId, 3);
    clock.set(AFTER_MIDNIGHT);
    const changed = await h.rpc.call(MarksRpc.update, { lessonId, markId: mark.id, value: 4, workKind: 'answer' }, { actor: teacher });
    await h.rpc.call(JournalRpc.saveLessonContent, { lessonId, topic: 'Дроби' }, { actor: teacher });

    expect(changed).toMatchObject({ value: 4, late: false, enteredAt: new Date(BEFORE_MIDNIGHT).toISOString(), version: 2 });
    const { changes } = await h.rpc.call(JournalHistoryRpc.ofLesson, { lessonId }, { actor: teacher });
    expect(changes.map((change) => [change.entity, change.action, change.late, change.at])).toEqual([
      ['mark', 'created', false, new Date(BEFORE_MIDNIGHT).toISOString()],
      ['mark', 'updated', true, new Date(AFTER_MIDNIGHT).toISOString()],
      ['lesson-content', 'created', true, new Date(AFTER_MIDNIGHT).toISOString()],
    ]);
  });
});
