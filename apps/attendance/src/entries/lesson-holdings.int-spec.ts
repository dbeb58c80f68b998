import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Actor, AttendanceRpc, ErrorCode, type Page, type Person, SYSTEM_SEED_ACTOR } from '#contracts';
import { type LessonServiceHarness, person, personActor, refusalOf, startLessonServiceHarness, TODAY, YESTERDAY } from '#testing';
import { attendanceServiceSpec } from '../attendance.service-spec.js';

describe('attendance: what it holds for lessons, asked by planning (R-PLAN-3)', () => {
  let h: LessonServiceHarness;
  let page: Page;
  let teacher: Actor;
  let pupil: Person;

  beforeAll(async () => {
    h = await startLessonServiceHarness(attendanceServiceSpec);
    const school = h.world.addSchool();
    const teacherId = randomUUID();
    teacher = personActor(teacherId, 'teacher', school.id);
    pupil = person('Никитина', 'Дарья');
    page = h.world.addPage(school, { grade: 4, teacherId, enrollments: [{ student: pupil, from: '2026-09-01', to: null }] });
  });

  afterAll(async () => {
    await h?.close();
  });

  const withRecords = (lessonIds: string[], actor: Actor = SYSTEM_SEED_ACTOR) =>
    h.rpc.call(AttendanceRpc.lessonsWithRecords, { lessonIds }, { actor });
  const set = (lessonId: string, status: 'absent' | 'present') =>
    h.rpc.call(
      AttendanceRpc.setEntry,
      { lessonId, studentId: pupil.id, status, reason: status === 'absent' ? 'illness' : null },
      { actor: teacher },
    );

  it('R-PLAN-3: names lessons with absences, and lessons whose absence was corrected to present (its history stays)', async () => {
    const absent = h.world.addLesson(page, YESTERDAY);
    const corrected = h.world.addLesson(page, TODAY);
    const untouched = h.world.addLesson(page, TODAY);
    await set(absent, 'absent');
    await set(corrected, 'absent');
    await set(corrected, 'present');

    const { lessons } = await withRecords([absent, corrected, untouched]);
    expect(lessons.sort((a, b) => a.lessonId.localeCompare(b.lessonId))).toEqual(
      [
        { lessonId: absent, entries: 1, changes: 1 },
        { lessonId: corrected, entries: 0, changes: 2 },
      ].sort((a, b) => a.lessonId.localeCompare(b.lessonId)),
    );
  });

  it('answers the system only: a person is refused', async () => {
    await expect(refusalOf(withRecords([randomUUID()], teacher))).resolves.toMatchObject({ code: ErrorCode.Forbidden });
  });
});
