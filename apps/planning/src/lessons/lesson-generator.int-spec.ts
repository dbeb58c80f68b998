import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PlanningEvents, PlanningRpc, type RpcRequest, SYSTEM_SEED_ACTOR } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment } from '#testing';
import { planningServiceSpec } from '../planning.service-spec.js';
import { publishedEvents } from '../testing/published-events.js';
import { schoolYear2025 } from '../testing/school-year-2025-2026.fixture.js';
import { LESSONS_PER_EVENT } from './lesson-generator.js';

const system = { actor: SYSTEM_SEED_ACTOR, timeoutMs: 60_000 };
type ClassTimetable = RpcRequest<typeof PlanningRpc.replaceTimetable>['classes'][number];

const SUBJECTS = ['russian', 'literature', 'math', 'history', 'biology', 'geography', 'physics', 'music', 'art', 'pe'];
const LESSONS_PER_DAY = 6;

/** Three classes in every grade, six lessons a day, and two English groups sharing a seventh lesson on Wednesdays. */
function wholeSchool(): { classes: ClassTimetable[]; englishPages: string[] } {
  const classes: ClassTimetable[] = [];
  const englishPages: string[] = [];
  for (let grade = 1; grade <= 11; grade += 1) {
    for (let letter = 0; letter < 3; letter += 1) {
      const pages = new Map(SUBJECTS.map((subject) => [subject, randomUUID()]));
      const slots: ClassTimetable['slots'] = [];
      for (let weekday = 1; weekday <= 5; weekday += 1) {
        for (let lessonNumber = 1; lessonNumber <= LESSONS_PER_DAY; lessonNumber += 1) {
          const subjectCode = SUBJECTS[(weekday * LESSONS_PER_DAY + lessonNumber + letter) % SUBJECTS.length]!;
          slots.push({ pageId: pages.get(subjectCode)!, subjectCode, weekday, lessonNumber });
        }
      }
      for (const pageId of [randomUUID(), randomUUID()]) {
        englishPages.push(pageId);
        slots.push({ pageId, groupId: randomUUID(), subjectCode: 'english', weekday: 3, lessonNumber: 7 });
      }
      classes.push({ classId: randomUUID(), grade, slots });
    }
  }
  return { classes, englishPages };
}

describe('planning: generating the lessons of a whole school', () => {
  let deployment: TestDeployment;
  let planning: RunningService;
  let rpc: RpcClient;

  beforeAll(async () => {
    deployment = await createTestDeployment(['planning']);
    planning = await startTestService(planningServiceSpec, deployment);
    rpc = planning.app.get(RpcClient);
  });

  afterAll(async () => {
    await planning?.close();
    await deployment?.dispose();
  });

  it('R-PLAN-3: a school year of ~35k lessons goes on the calendar in seconds, at the school bells, announced in batches', async () => {
    const schoolId = randomUUID();
    const { id: yearId } = await rpc.call(PlanningRpc.upsertYear, schoolYear2025(schoolId), system);
    const bells = Array.from({ length: 7 }, (_, index) => {
      const start = 8 * 60 + index * 55;
      const time = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      return { lessonNumber: index + 1, start: time(start), end: time(start + 45) };
    });
    await rpc.call(PlanningRpc.setBells, { schoolId, bells }, system);
    const { classes, englishPages } = wholeSchool();
    await rpc.call(PlanningRpc.replaceTimetable, { yearId, classes }, system);

    const started = Date.now();
    const generated = await rpc.call(PlanningRpc.generateLessons, { yearId }, system);
    const elapsedMs = Date.now() - started;

    expect(generated.created).toBe(generated.total);
    expect(generated.total).toBeGreaterThan(35_000);
    expect(elapsedMs).toBeLessThan(15_000);

    const { lessons } = await rpc.call(PlanningRpc.lessonsOfPages, { pageIds: englishPages, from: '2025-09-03', to: '2025-09-03' });
    expect(lessons).toHaveLength(englishPages.length);
    expect(lessons.every((lesson) => lesson.lessonNumber === 7 && lesson.startsAt === '13:30' && lesson.endsAt === '14:15')).toBe(true);

    const events = (await publishedEvents(planning.app.get(DataSource), deployment.nats, PlanningEvents.lessonsScheduled)).filter(
      (event) => event.yearId === yearId,
    );
    expect(events.every((event) => event.lessons.length <= LESSONS_PER_EVENT)).toBe(true);
    expect(events.reduce((sum, event) => sum + event.lessons.length, 0)).toBe(generated.created);
    expect(events).toHaveLength(Math.ceil(generated.created / LESSONS_PER_EVENT));
  }, 120_000);
});

