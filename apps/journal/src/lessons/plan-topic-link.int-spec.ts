import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  ErrorCode,
  IdentityRpc,
  JournalEvents,
  JournalRpc,
  type Lesson,
  PlanningRpc,
  type PlanTopic,
  SYSTEM_SEED_ACTOR,
  ThematicPlanRpc,
} from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, refusalOf, startTestService, type TestDeployment } from '#testing';
import { identityServiceSpec } from '../../../identity/src/identity.service-spec.js';
import { planningServiceSpec } from '../../../planning/src/planning.service-spec.js';
import { loadPlanWorld, type PlanWorld } from '../../../planning/src/testing/plan-world.js';
import { journalServiceSpec } from '../journal.service-spec.js';

describe('journal: lessons linked to the topics of the page\'s calendar-thematic plan (R-PLAN-3)', () => {
  let deployment: TestDeployment;
  const services: RunningService[] = [];
  let rpc: RpcClient;
  let journalDb: DataSource;
  let world: PlanWorld;
  let mathTopics: PlanTopic[];
  let russianTopics: PlanTopic[];
  let mathLessons: Lesson[];

  const as = (actor: Actor) => ({ actor });
  const write = (actor: Actor, lessonId: string, content: { topic?: string; homework?: string; planTopicId?: string | null }) =>
    rpc.call(JournalRpc.saveLessonContent, { lessonId, ...content }, as(actor));

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity', 'planning', 'journal']);
    services.push(await startTestService(identityServiceSpec, deployment), await startTestService(planningServiceSpec, deployment));
    const journal = await startTestService(journalServiceSpec, deployment);
    services.push(journal);
    rpc = journal.app.get(RpcClient);
    journalDb = journal.app.get(DataSource);
    world = await loadPlanWorld(rpc);
    const { pages } = world.class5a;
    const lesson = (title: string, hours = 1) => ({ title, hours, plannedDate: null, kind: 'lesson' as const });
    mathTopics = (
      await rpc.call(ThematicPlanRpc.save, { pageId: pages.math!, topics: [lesson('Натуральные числа', 2), lesson('Шкалы и координаты')] }, as(world.actors.teacher))
    ).plan.topics;
    russianTopics = (await rpc.call(ThematicPlanRpc.save, { pageId: pages.russian!, topics: [lesson('Фонетика')] }, as(world.actors.colleague))).plan
      .topics;
    mathLessons = (
      await rpc.call(PlanningRpc.lessonsOfPages, { pageIds: [pages.math!], from: '2025-09-01', to: '2025-09-05' }, { actor: SYSTEM_SEED_ACTOR })
    ).lessons;
  }, 120_000);

  afterAll(async () => {
    for (const service of services.reverse()) await service.close();
    await deployment?.dispose();
  });

  it('R-PLAN-3: a lesson linked to a plan topic takes its title unless one is written; the link is in the record, its history and its event', async () => {
    const { teacher } = world.actors;
    const [numbers, scales] = mathTopics as [PlanTopic, PlanTopic];
    const lessonId = mathLessons[0]!.id;
    await expect(write(teacher, lessonId, { planTopicId: numbers.id, homework: '№ 1–5' })).resolves.toMatchObject({
      topic: 'Натуральные числа',
      homework: '№ 1–5',
      planTopicId: numbers.id,
      version: 1,
    });
    await write(teacher, lessonId, { topic: 'Натуральные числа. Запись чисел', homework: '№ 1–5', planTopicId: numbers.id });
    await write(teacher, lessonId, { planTopicId: scales.id });
    await expect(rpc.call(JournalRpc.getLesson, { lessonId }, as(world.actors.deputy))).resolves.toMatchObject({
      topic: 'Шкалы и координаты',
      homework: null,
      planTopicId: scales.id,
      version: 3,
    });

    const history = await journalDb.query<Array<{ new_value: { topic: string; planTopicId: string | null } }>>(
      `SELECT new_value FROM journal_history WHERE entity = 'lesson_record' AND entity_id = $1 ORDER BY id`,
      [lessonId],
    );
    expect(history.map((row) => [row.new_value.topic, row.new_value.planTopicId])).toEqual([
      ['Натуральные числа', numbers.id],
      ['Натуральные числа. Запись чисел', numbers.id],
      ['Шкалы и координаты', scales.id],
    ]);
    const events = await journalDb.query<Array<{ payload: { planTopicId: string | null } }>>(
      `SELECT payload FROM outbox WHERE subject = $1 AND payload->>'lessonId' = $2 ORDER BY seq`,
      [JournalEvents.lessonContentSaved.subject, lessonId],
    );
    expect(events.map((event) => event.payload.planTopicId)).toEqual([numbers.id, numbers.id, scales.id]);

    // Unlinking keeps the written topic.
    await expect(write(teacher, lessonId, { topic: 'Шкалы', planTopicId: null })).resolves.toMatchObject({ topic: 'Шкалы', planTopicId: null });
  });

  it('R-PLAN-3: a topic of another page\'s plan, or of none, is refused; a lesson needs a topic or a plan topic', async () => {
    const { teacher } = world.actors;
    const lessonId = mathLessons[1]!.id;
    for (const planTopicId of [russianTopics[0]!.id, randomUUID()]) {
      expect(await refusalOf(write(teacher, lessonId, { topic: 'Тема', planTopicId }))).toEqual({
        code: ErrorCode.ValidationFailed,
        message: 'Такой темы нет в КТП этой страницы журнала',
        details: { planTopicId },
      });
    }
    await expect(write(teacher, lessonId, { homework: 'стр. 10' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: 'Укажите тему урока или тему из КТП',
    });
    await expect(rpc.call(JournalRpc.getLesson, { lessonId }, as(teacher))).resolves.toMatchObject({ version: 0 });
  });

  it('R-PLAN-3: a substitute links the lesson they take; the page\'s readers list the lessons\' topics and links', async () => {
    const { pages } = world.class5a;
    const lesson = mathLessons[2]!;
    await rpc.call(
      IdentityRpc.assignSubstitute,
      { lessonId: lesson.id, pageId: pages.math!, date: lesson.date, teacherId: world.people.colleague },
      as(world.actors.deputy),
    );
    const [numbers] = mathTopics as [PlanTopic];
    await expect(write(world.actors.colleague, lesson.id, { planTopicId: numbers.id })).resolves.toMatchObject({
      topic: 'Натуральные числа',
      planTopicId: numbers.id,
    });

    const { lessons } = await rpc.call(JournalRpc.pageLessonTopics, { pageId: pages.math!, from: '2025-09-01', to: '2025-09-05' }, as(world.actors.classTeacher));
    expect(lessons.find((entry) => entry.lessonId === lesson.id)).toEqual({
      lessonId: lesson.id,
      date: lesson.date,
      topic: 'Натуральные числа',
      planTopicId: numbers.id,
    });
    expect(lessons.find((entry) => entry.lessonId === mathLessons[1]!.id)).toBeUndefined();
    // The substitute writes on their one lesson; the page itself is not theirs to read.
    expect(
      await refusalOf(rpc.call(JournalRpc.pageLessonTopics, { pageId: pages.math!, from: '2025-09-01', to: '2025-09-05' }, as(world.actors.colleague))),
    ).toEqual({ code: ErrorCode.NotFound, message: 'Страница журнала не найдена', details: undefined });
  });
});
