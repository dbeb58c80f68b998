import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  type Actor,
  AttendanceRpc,
  ErrorCode,
  JournalRpc,
  type Lesson,
  LessonChangesRpc,
  PlanningEvents,
  PlanningRpc,
  type TimetableRegeneration,
} from '#contracts';
import { isoWeekday } from '#domain';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, eventually, refusalOf, startTestService, type TestDeployment } from '#testing';
import { attendanceServiceSpec } from '../../../attendance/src/attendance.service-spec.js';
import { identityServiceSpec } from '../../../identity/src/identity.service-spec.js';
import { journalServiceSpec } from '../../../journal/src/journal.service-spec.js';
import { reportingServiceSpec } from '../../../reporting/src/reporting.service-spec.js';
import { planningServiceSpec } from '../planning.service-spec.js';
import { publishedEvents } from '../testing/published-events.js';
import { loadTimetableWorld, type TimetableWorld, type WorldClass } from '../testing/timetable-world.js';

const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5];
const DECEMBER = { from: '2026-12-01', to: '2026-12-31' };

describe('planning: the lesson calendar regenerated after the weekly timetable changed (R-PLAN-3)', () => {
  let deployment: TestDeployment;
  const services: RunningService[] = [];
  let rpc: RpcClient;
  let world: TimetableWorld;
  let class6b: WorldClass;
  let deputy: Actor;
  let teacher: Actor;
  /** Lessons of maths holding records: a mark (1 December), an absence (today), a topic written ahead (10 December). */
  const held = {} as Record<'mark' | 'absence' | 'topic', Lesson>;
  /** One-off changes made before the timetable changed. */
  const changed = {} as Record<'cancelledRussian' | 'movedRussian' | 'movedMaths' | 'extraMaths', Lesson>;

  const as = (actor: Actor) => ({ actor });
  const lessonsOf = async (pageId: string, range = DECEMBER) => (await rpc.call(PlanningRpc.lessonsOfPages, { pageIds: [pageId], ...range })).lessons;
  const lessonAt = async (pageId: string, date: string, lessonNumber: number): Promise<Lesson> => {
    const lesson = (await lessonsOf(pageId, { from: date, to: date })).find((candidate) => candidate.lessonNumber === lessonNumber);
    if (!lesson) throw new Error(`no lesson of ${pageId} on ${date} at ${lessonNumber}`);
    return lesson;
  };
  const regenerate = (request: { from?: string; apply?: boolean }, actor = deputy) =>
    rpc.call(LessonChangesRpc.regenerate, { schoolId: world.schoolId, ...request }, { actor, timeoutMs: 60_000 });
  const place = (lesson: Lesson) => `${lesson.date}#${lesson.lessonNumber}`;

  beforeAll(async () => {
    deployment = await createTestDeployment();
    for (const spec of [identityServiceSpec, planningServiceSpec, journalServiceSpec, attendanceServiceSpec, reportingServiceSpec]) {
      services.push(await startTestService(spec, deployment));
    }
    rpc = services[1]!.app.get(RpcClient);
    world = await loadTimetableWorld(rpc);
    deputy = world.actor('deputy');
    teacher = world.actor('teacher');
    class6b = await world.addClass('Б', ({ math, russian }) => [
      ...MONDAY_TO_FRIDAY.map((weekday) => ({ pageId: russian, subjectCode: 'russian', weekday, lessonNumber: 1 })),
      { pageId: math, subjectCode: 'math', weekday: 2, lessonNumber: 2 },
      { pageId: math, subjectCode: 'math', weekday: 4, lessonNumber: 2 },
    ]);

    held.mark = await lessonAt(class6b.math, '2026-12-01', 2);
    await rpc.call(JournalRpc.addMark, { lessonId: held.mark.id, studentId: class6b.studentId, value: 5, workKind: 'answer' }, as(teacher));
    held.absence = await lessonAt(class6b.math, '2026-12-03', 2);
    await rpc.call(
      AttendanceRpc.setEntry,
      { lessonId: held.absence.id, studentId: class6b.studentId, status: 'absent', reason: 'illness' },
      as(teacher),
    );
    held.topic = await lessonAt(class6b.math, '2026-12-10', 2);
    await rpc.call(JournalRpc.saveLessonContent, { lessonId: held.topic.id, topic: 'Деление дробей' }, as(teacher));

    const reason = 'Изменение до смены расписания';
    const russianOn = (date: string) => lessonAt(class6b.russian, date, 1);
    changed.cancelledRussian = await rpc.call(LessonChangesRpc.cancel, { lessonId: (await russianOn('2026-12-07')).id, reason }, as(deputy));
    changed.movedRussian = await rpc.call(
      LessonChangesRpc.move,
      { lessonId: (await russianOn('2026-12-14')).id, date: '2026-12-16', lessonNumber: 2, reason },
      as(deputy),
    );
    changed.movedMaths = await rpc.call(
      LessonChangesRpc.move,
      { lessonId: (await lessonAt(class6b.math, '2026-12-08', 2)).id, lessonNumber: 4, reason },
      as(deputy),
    );
    changed.extraMaths = await rpc.call(
      LessonChangesRpc.addExtra,
      { pageId: class6b.math, date: '2026-12-18', lessonNumber: 4, reason },
      as(deputy),
    );

    // Maths moves from Tuesdays and Thursdays (2nd lesson) to Wednesdays (2nd) and Fridays (3rd).
    await world.setTimetable(class6b, ({ math, russian }) => [
      ...MONDAY_TO_FRIDAY.map((weekday) => ({ pageId: russian, subjectCode: 'russian', weekday, lessonNumber: 1 })),
      { pageId: math, subjectCode: 'math', weekday: 3, lessonNumber: 2 },
      { pageId: math, subjectCode: 'math', weekday: 5, lessonNumber: 3 },
    ]);
  }, 120_000);

  afterAll(async () => {
    for (const service of services.reverse()) await service.close();
    await deployment?.dispose();
  });

  it('R-PLAN-3: no regeneration touches a closed period', async () => {
    const planning = services[1]!.app.get(DataSource);
    await planning.query(`UPDATE period SET closed = true WHERE year_id = $1 AND name_ru = 'II четверть'`, [world.yearId]);
    try {
      expect(await refusalOf(regenerate({ from: '2026-12-01' }))).toMatchObject({
        code: ErrorCode.PeriodClosed,
        message: 'Период «II четверть» закрыт: изменения не допускаются',
      });
    } finally {
      await planning.query(`UPDATE period SET closed = false WHERE year_id = $1 AND name_ru = 'II четверть'`, [world.yearId]);
    }
  });

  let dryRun: TimetableRegeneration;

  it('R-PLAN-3: a dry run answers what would change (conflicts, removed, added, blocked) and changes nothing', async () => {
    const before = await lessonsOf(class6b.math, { from: '2026-09-01', to: '2027-05-31' });
    dryRun = await regenerate({ from: '2026-12-01' });
    expect(dryRun).toMatchObject({ yearId: world.yearId, from: '2026-12-01', applied: false });
    expect(dryRun.conflicts).toEqual([
      { ...refOf(held.mark), holds: { marks: 1, deletedMarks: 0, topic: false, homework: false, attendance: 0, attendanceChanges: 0 } },
      { ...refOf(held.absence), holds: { marks: 0, deletedMarks: 0, topic: false, homework: false, attendance: 1, attendanceChanges: 1 } },
      { ...refOf(held.topic), holds: { marks: 0, deletedMarks: 0, topic: true, homework: false, attendance: 0, attendanceChanges: 0 } },
    ]);
    // The maths moved within its old Tuesday no longer fits and holds nothing: removed with the other Tuesdays and Thursdays.
    expect(dryRun.removed[0]).toEqual(refOf(changed.movedMaths));
    expect(dryRun.removed.every((lesson) => [2, 4].includes(isoWeekday(lesson.date)) && lesson.subjectCode === 'math')).toBe(true);
    expect(dryRun.removed.map((lesson) => lesson.lessonId)).not.toContain(held.mark.id);
    expect(dryRun.removedCount).toBe(dryRun.removed.length);
    // New Wednesdays and Fridays from 2 December on, but not where the moved Russian lesson now stands.
    expect(dryRun.added.slice(0, 4).map((lesson) => [lesson.lessonId, lesson.date, lesson.lessonNumber])).toEqual([
      [null, '2026-12-02', 2],
      [null, '2026-12-04', 3],
      [null, '2026-12-09', 2],
      [null, '2026-12-11', 3],
    ]);
    expect(dryRun.added.map((lesson) => lesson.date)).not.toContain('2026-12-16');
    expect(dryRun.blocked).toEqual([
      {
        lessonId: null,
        pageId: class6b.math,
        classId: class6b.classId,
        subjectCode: 'math',
        date: '2026-12-16',
        lessonNumber: 2,
        blockedBy: changed.movedRussian.id,
      },
    ]);
    expect(dryRun.addedCount).toBe(dryRun.added.length);
    await expect(lessonsOf(class6b.math, { from: '2026-09-01', to: '2027-05-31' })).resolves.toEqual(before);
  });

  it('R-PLAN-3: a regenerated timetable keeps conducted lessons: a lesson with marks is reported as a conflict, not dropped', async () => {
    const applied = await regenerate({ from: '2026-12-01', apply: true });
    expect({ ...applied, added: applied.added.map((lesson) => ({ ...lesson, lessonId: null })) }).toEqual({ ...dryRun, applied: true });
    expect(applied.added.every((lesson) => lesson.lessonId !== null)).toBe(true);

    // The lesson with a mark is where it was, with its mark; so are the lessons with an absence and a topic.
    await expect(lessonAt(class6b.math, '2026-12-01', 2)).resolves.toEqual(held.mark);
    await expect(rpc.call(JournalRpc.getLesson, { lessonId: held.mark.id }, as(teacher))).resolves.toMatchObject({
      marks: [expect.objectContaining({ value: 5, studentId: class6b.studentId })],
    });
    const december = await lessonsOf(class6b.math);
    expect(december.map(place)).toEqual([
      '2026-12-01#2', // mark: conflict, kept
      '2026-12-02#2',
      '2026-12-03#2', // absence: conflict, kept
      '2026-12-04#3',
      '2026-12-09#2',
      '2026-12-10#2', // topic: conflict, kept
      '2026-12-11#3',
      // 16 December, 2nd lesson: blocked by the moved Russian lesson
      '2026-12-18#3',
      '2026-12-18#4', // the extra lesson stays
      '2026-12-23#2',
      '2026-12-25#3',
    ]);

    // One-off changes whose place is still in the timetable stay applied.
    await expect(lessonAt(class6b.russian, '2026-12-07', 1)).resolves.toEqual(changed.cancelledRussian);
    await expect(lessonAt(class6b.russian, '2026-12-16', 2)).resolves.toEqual(changed.movedRussian);

    // Each removed lesson is logged; removals and additions are announced and reach the read model.
    const { changes } = await rpc.call(LessonChangesRpc.changes, { schoolId: world.schoolId, from: '2026-12-01', to: '2027-05-31' }, as(deputy));
    const removals = changes.filter((change) => change.kind === 'removed');
    expect(removals).toHaveLength(applied.removedCount);
    expect(removals[0]).toMatchObject({
      lessonId: changed.movedMaths.id,
      reason: 'Урок не соответствует изменённому расписанию',
      actorId: world.people.deputy,
    });
    const planning = services[1]!.app.get(DataSource);
    const removedIds = (await publishedEvents(planning, deployment.nats, PlanningEvents.lessonsRemoved)).flatMap((event) => event.lessonIds);
    expect(removedIds.sort()).toEqual(removals.map((removal) => removal.lessonId).sort());
    const reporting = services[4]!.app.get(DataSource);
    await eventually(async () => {
      const rows = await reporting.query<Array<{ lesson_date: string; lesson_number: number }>>(
        'SELECT lesson_date, lesson_number FROM lesson WHERE page_id = $1 AND lesson_date BETWEEN $2 AND $3 ORDER BY 1, 2',
        [class6b.math, DECEMBER.from, DECEMBER.to],
      );
      expect(rows.map((row) => `${row.lesson_date}#${row.lesson_number}`)).toEqual(december.map(place));
    });
  });

  it('R-PLAN-3: regenerating again changes nothing and reports the same conflicts; by default it starts today', async () => {
    const again = await regenerate({ apply: true });
    expect(again).toMatchObject({ from: '2026-12-03', applied: true, addedCount: 0, removedCount: 0, added: [], removed: [] });
    expect(again.conflicts.map((conflict) => conflict.lessonId)).toEqual([held.absence.id, held.topic.id]);
    expect(again.blocked.map((lesson) => lesson.blockedBy)).toEqual([changed.movedRussian.id]);
  });

  it('R-PLAN-3: only the deputy director and the director regenerate the calendar', async () => {
    expect(await refusalOf(regenerate({}, teacher))).toMatchObject({ code: ErrorCode.Forbidden });
    await expect(regenerate({}, world.actor('director'))).resolves.toMatchObject({ applied: false });
  });
});

function refOf(lesson: Lesson) {
  return {
    lessonId: lesson.id,
    pageId: lesson.pageId,
    classId: lesson.classId,
    subjectCode: lesson.subjectCode,
    date: lesson.date,
    lessonNumber: lesson.lessonNumber,
  };
}
