import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ErrorCode, type Lesson, PlanningEvents, PlanningRpc, type RpcRequest, SYSTEM_SEED_ACTOR } from '#contracts';
import { isoWeekday } from '#domain';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment } from '#testing';
import { planningServiceSpec } from '../planning.service-spec.js';
import { publishedEvents } from '../testing/published-events.js';
import { schoolYear2025 } from '../testing/school-year-2025-2026.fixture.js';
import { LESSONS_PER_EVENT } from './lesson-generator.js';

const system = { actor: SYSTEM_SEED_ACTOR };
type ClassTimetable = RpcRequest<typeof PlanningRpc.replaceTimetable>['classes'][number];

const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5];

/** A class with a Russian lesson every day (lesson 1), maths on Tuesday and Thursday (lesson 2) and reading on Friday. */
function classOf(grade: number) {
  const classId = randomUUID();
  const pages = { russian: randomUUID(), math: randomUUID(), reading: randomUUID(), saturdayClub: randomUUID() };
  const timetable: ClassTimetable = {
    classId,
    grade,
    slots: [
      ...MONDAY_TO_FRIDAY.map((weekday) => ({ pageId: pages.russian, subjectCode: 'russian', weekday, lessonNumber: 1 })),
      { pageId: pages.math, subjectCode: 'math', weekday: 2, lessonNumber: 2 },
      { pageId: pages.math, subjectCode: 'math', weekday: 4, lessonNumber: 2 },
      { pageId: pages.reading, subjectCode: 'reading', weekday: 5, lessonNumber: 3 },
      // The school works a 5-day week: a Saturday slot must never become a lesson.
      { pageId: pages.saturdayClub, subjectCode: 'math', weekday: 6, lessonNumber: 1 },
    ],
  };
  return { classId, grade, pages, timetable };
}

describe('planning: the lesson calendar of the 2025/26 year', () => {
  let deployment: TestDeployment;
  let planning: RunningService;
  let rpc: RpcClient;
  const schoolId = randomUUID();
  const grade1 = classOf(1);
  const grade2 = classOf(2);
  const grade5 = classOf(5);
  const grade10 = classOf(10);
  const classes = [grade1, grade2, grade5, grade10];
  const allPages: string[] = classes.flatMap((schoolClass) => Object.values(schoolClass.pages));
  let yearId: string;
  let generated: { created: number; total: number };

  const lessonsBetween = async (from: string, to: string, pageIds = allPages): Promise<Lesson[]> =>
    (await rpc.call(PlanningRpc.lessonsOfPages, { pageIds, from, to })).lessons;

  beforeAll(async () => {
    deployment = await createTestDeployment(['planning']);
    planning = await startTestService(planningServiceSpec, deployment);
    rpc = planning.app.get(RpcClient);
    yearId = (await rpc.call(PlanningRpc.upsertYear, schoolYear2025(schoolId), system)).id;
    await rpc.call(
      PlanningRpc.upsertSubjects,
      {
        schoolId,
        subjects: [
          { code: 'russian', nameRu: 'Русский язык', marked: true },
          { code: 'math', nameRu: 'Математика', marked: true },
        ],
      },
      system,
    );
    await rpc.call(PlanningRpc.replaceTimetable, { yearId, classes: classes.map((c) => c.timetable) }, system);
    generated = await rpc.call(PlanningRpc.generateLessons, { yearId }, system);
  }, 60_000);

  afterAll(async () => {
    await planning?.close();
    await deployment?.dispose();
  });

  it('R-CAL-1: a daily lesson falls on every school day of the published calendar: 168 for grades 2–11, 163 for grade 1', async () => {
    const countOf = async (page: string) => (await lessonsBetween('2025-09-01', '2026-05-26', [page])).length;
    expect(await countOf(grade1.pages.russian)).toBe(163);
    expect(await countOf(grade2.pages.russian)).toBe(168);
    expect(await countOf(grade5.pages.russian)).toBe(168);
    expect(await countOf(grade10.pages.russian)).toBe(168);
    expect(generated.created).toBe(generated.total);
  });

  it('R-PLAN-3: on 1 September 2025 every class has its lessons, at the default bells', async () => {
    const lessons = await lessonsBetween('2025-09-01', '2025-09-01');
    expect(lessons.map((lesson) => [lesson.classId, lesson.subjectCode, lesson.lessonNumber, lesson.startsAt, lesson.endsAt]).sort()).toEqual(
      classes.map((schoolClass) => [schoolClass.classId, 'russian', 1, '08:30', '09:10']).sort(),
    );
    expect(lessons.every((lesson) => lesson.status === 'scheduled' && lesson.yearId === yearId && lesson.schoolId === schoolId)).toBe(true);
  });

  it('R-CAL-1: no lessons in the autumn break nor on the days off of 3–4 November 2025; they resume on 5 November', async () => {
    await expect(lessonsBetween('2025-10-25', '2025-11-04')).resolves.toEqual([]);
    expect(await lessonsBetween('2025-11-05', '2025-11-05')).toHaveLength(classes.length);
  });

  it('R-CAL-1: a grade-1 class has no lessons in its extra February break (17 February 2026) while a grade-2 class does', async () => {
    await expect(lessonsBetween('2026-02-17', '2026-02-17', Object.values(grade1.pages))).resolves.toEqual([]);
    const grade2Lessons = await lessonsBetween('2026-02-17', '2026-02-17', Object.values(grade2.pages));
    expect(grade2Lessons.map((lesson) => lesson.subjectCode).sort()).toEqual(['math', 'russian']);
  });

  it('R-PLAN-3: in a 5-day week there are lessons only Monday to Friday, even for a Saturday slot', async () => {
    const lessons = await lessonsBetween('2025-09-01', '2026-05-26');
    expect(lessons.length).toBe(generated.total);
    expect(new Set(lessons.map((lesson) => isoWeekday(lesson.date)))).toEqual(new Set(MONDAY_TO_FRIDAY));
    const saturdayPages = new Set<string>(classes.map((schoolClass) => schoolClass.pages.saturdayClub));
    expect(lessons.filter((lesson) => saturdayPages.has(lesson.pageId))).toEqual([]);
  });

  it('R-PLAN-3: lessons of pages come ordered by date and lesson number', async () => {
    const lessons = await lessonsBetween('2025-09-01', '2025-09-30', [grade5.pages.reading, grade5.pages.math, grade5.pages.russian]);
    const order = lessons.map((lesson) => `${lesson.date}#${lesson.lessonNumber}`);
    expect(order).toEqual([...order].sort());
    expect(order.slice(0, 3)).toEqual(['2025-09-01#1', '2025-09-02#1', '2025-09-02#2']);
  });

  it('R-PLAN-3: generating again creates nothing new and keeps every lesson id', async () => {
    const before = await lessonsBetween('2025-09-01', '2026-05-26');
    await expect(rpc.call(PlanningRpc.generateLessons, { yearId }, system)).resolves.toEqual({
      created: 0,
      total: generated.total,
    });
    const after = await lessonsBetween('2025-09-01', '2026-05-26');
    expect(after.map((lesson) => lesson.id)).toEqual(before.map((lesson) => lesson.id));
  });

  it('R-PLAN-3: every new lesson is announced once, at most 500 lessons per event', async () => {
    await rpc.call(PlanningRpc.generateLessons, { yearId }, system);
    const events = (await publishedEvents(planning.app.get(DataSource), deployment.nats, PlanningEvents.lessonsScheduled)).filter(
      (event) => event.yearId === yearId,
    );
    expect(events.every((event) => event.lessons.length > 0 && event.lessons.length <= LESSONS_PER_EVENT)).toBe(true);
    const announced = events.flatMap((event) => event.lessons.map((lesson) => lesson.id));
    const onCalendar = (await lessonsBetween('2025-09-01', '2026-05-26')).map((lesson) => lesson.id);
    expect(announced.sort()).toEqual(onCalendar.sort());
  });

  it('R-CAL-1: a lesson comes with its subject, the period of its grade and the year label', async () => {
    const [lesson5] = await lessonsBetween('2025-11-20', '2025-11-20', [grade5.pages.russian]);
    await expect(rpc.call(PlanningRpc.getLesson, { lessonId: lesson5!.id })).resolves.toEqual({
      lesson: lesson5,
      subject: { schoolId, code: 'russian', nameRu: 'Русский язык', marked: true },
      period: expect.objectContaining({ kind: 'quarter', nameRu: 'II четверть', closed: false }),
      yearLabel: '2025/2026',
    });
    const [lesson10] = await lessonsBetween('2025-11-20', '2025-11-20', [grade10.pages.russian]);
    await expect(rpc.call(PlanningRpc.getLesson, { lessonId: lesson10!.id })).resolves.toMatchObject({
      period: { kind: 'half-year', nameRu: 'I полугодие' },
    });
  });

  it('a lesson of a subject the school never loaded reads as a marked subject named by its code', async () => {
    const [reading] = await lessonsBetween('2025-09-05', '2025-09-05', [grade2.pages.reading]);
    await expect(rpc.call(PlanningRpc.getLesson, { lessonId: reading!.id })).resolves.toMatchObject({
      subject: { schoolId, code: 'reading', nameRu: 'reading', marked: true },
    });
  });

  it('refuses a range of dates that ends before it starts', async () => {
    await expect(rpc.call(PlanningRpc.lessonsOfPages, { pageIds: allPages, from: '2025-09-02', to: '2025-09-01' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
  });

  it('answers NOT_FOUND «Урок не найден» for an unknown lesson', async () => {
    await expect(rpc.call(PlanningRpc.getLesson, { lessonId: randomUUID() })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'Урок не найден',
    });
  });
});
