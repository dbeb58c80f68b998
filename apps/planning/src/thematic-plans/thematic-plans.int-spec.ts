import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  type Actor,
  ErrorCode,
  JournalRpc,
  type Lesson,
  PlanningEvents,
  PlanningRpc,
  type PlanTopicInput,
  SYSTEM_SEED_ACTOR,
  ThematicPlanRpc,
} from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { readTable } from '#spreadsheet';
import { createTestDeployment, refusalOf, startTestService, TEST_NOW, type TestDeployment } from '#testing';
import { identityServiceSpec } from '../../../identity/src/identity.service-spec.js';
import { journalServiceSpec } from '../../../journal/src/journal.service-spec.js';
import { planningServiceSpec } from '../planning.service-spec.js';
import { loadPlanWorld, type PlanWorld, WEEK_OF_5A } from '../testing/plan-world.js';
import { publishedEvents } from '../testing/published-events.js';
import { SettableClock } from '../testing/settable-clock.js';

const FIXTURES = join(import.meta.dirname, 'import', 'test-fixtures');
const fixture = (fileName: string) => ({ fileName, content: readFileSync(join(FIXTURES, fileName)).toString('base64') });
const topic = (title: string, extra: Partial<PlanTopicInput> = {}): PlanTopicInput => ({
  title,
  hours: 1,
  plannedDate: null,
  kind: 'lesson',
  ...extra,
});

describe('planning: calendar-thematic plans (КТП) of journal pages', () => {
  let deployment: TestDeployment;
  const services: RunningService[] = [];
  let rpc: RpcClient;
  let db: DataSource;
  let world: PlanWorld;
  const clock = new SettableClock();
  let letters = ['Б', 'В', 'Г', 'Д', 'Е', 'Ж'];

  const as = (actor: Actor) => ({ actor });
  const save = (actor: Actor, pageId: string, topics: PlanTopicInput[], expectedVersion?: number) =>
    rpc.call(ThematicPlanRpc.save, { pageId, topics, ...(expectedVersion === undefined ? {} : { expectedVersion }) }, as(actor));
  const newClass = () => {
    const [letter, ...rest] = letters;
    letters = rest;
    return world.addClass(letter!, WEEK_OF_5A);
  };

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity', 'planning', 'journal']);
    services.push(await startTestService(identityServiceSpec, deployment));
    const planning = await startTestService(planningServiceSpec, deployment, clock);
    services.push(planning, await startTestService(journalServiceSpec, deployment));
    rpc = planning.app.get(RpcClient);
    db = planning.app.get(DataSource);
    world = await loadPlanWorld(rpc);
  }, 120_000);

  afterAll(async () => {
    for (const service of services.reverse()) await service.close();
    await deployment?.dispose();
  });

  it('R-PLAN-2: every save is a revision with its author and time, compared topic by topic with the one before it', async () => {
    const { pages } = await newClass();
    const { teacher } = world.actors;
    await expect(rpc.call(ThematicPlanRpc.get, { pageId: pages.math! }, as(teacher))).resolves.toMatchObject({ version: 0, topics: [] });

    clock.set('2025-09-05T09:00:00+05:00');
    const first = await save(teacher, pages.math!, [topic('Натуральные числа', { hours: 2 }), topic('Сложение'), topic('Вычитание')]);
    expect(first.plan).toMatchObject({ version: 1, totalHours: 4, className: '5Б', academicYear: '2025/2026' });
    expect(first.plan.submittedAt).toBe('2025-09-05T04:00:00.000Z');
    const [numbers, addition, subtraction] = first.plan.topics;

    clock.set('2025-10-01T15:30:00+05:00');
    const second = await save(
      teacher,
      pages.math!,
      [
        { ...numbers!, hours: 3 },
        topic('Контрольная работа № 1', { kind: 'control-work', plannedDate: '2025-09-24' }),
        { id: subtraction!.id, title: 'Вычитание натуральных чисел', hours: 1, plannedDate: null, kind: 'lesson' },
      ],
      1,
    );
    expect(second.plan).toMatchObject({ version: 2, totalHours: 5, submittedAt: first.plan.submittedAt, updatedAt: '2025-10-01T10:30:00.000Z' });
    expect(second.plan.topics.map((item) => [item.number, item.title])).toEqual([
      [1, 'Натуральные числа'],
      [2, 'Контрольная работа № 1'],
      [3, 'Вычитание натуральных чисел'],
    ]);

    // The same topics again change nothing; a stale edit is refused with the plan as it is.
    await expect(save(teacher, pages.math!, second.plan.topics)).resolves.toMatchObject({ plan: { version: 2 } });
    const stale = await refusalOf(save(teacher, pages.math!, [topic('Устаревшая правка')], 1));
    expect(stale).toMatchObject({ code: ErrorCode.VersionConflict, details: { current: { version: 2 } } });

    const { revisions } = await rpc.call(ThematicPlanRpc.revisions, { pageId: pages.math! }, as(world.actors.deputy));
    expect(revisions).toEqual([
      { number: 2, authorId: world.people.teacher, savedAt: '2025-10-01T10:30:00.000Z', source: 'edit', topicCount: 3, totalHours: 5 },
      { number: 1, authorId: world.people.teacher, savedAt: '2025-09-05T04:00:00.000Z', source: 'edit', topicCount: 3, totalHours: 4 },
    ]);
    const revision = await rpc.call(ThematicPlanRpc.revision, { pageId: pages.math!, number: 2 }, as(teacher));
    expect(revision.previous).toBe(1);
    expect(revision.changes.added.map((item) => item.title)).toEqual(['Контрольная работа № 1']);
    expect(revision.changes.removed).toEqual([addition]);
    expect(revision.changes.changed.map(({ topicId, fields }) => [topicId, fields])).toEqual([
      [numbers!.id, ['hours']],
      [subtraction!.id, ['title']],
    ]);
    const initial = await rpc.call(ThematicPlanRpc.revision, { pageId: pages.math!, number: 1 }, as(teacher));
    expect(initial).toMatchObject({ previous: null, changes: { removed: [], changed: [] } });
    expect(initial.changes.added).toEqual(first.plan.topics);
    await expect(rpc.call(ThematicPlanRpc.revision, { pageId: pages.math!, number: 3 }, as(teacher))).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });

    // Kept revisions are never changed.
    await expect(db.query('UPDATE plan_revision SET author_id = NULL WHERE page_id = $1', [pages.math])).rejects.toThrow('append-only');
    const events = await publishedEvents(db, deployment.nats, PlanningEvents.thematicPlanRevised);
    expect(events.filter((event) => event.pageId === pages.math).map((event) => [event.revision, event.source, event.totalHours])).toEqual([
      [1, 'edit', 4],
      [2, 'edit', 5],
    ]);
    clock.set(TEST_NOW);
  });

  it('R-ACC-3: the page\'s teacher and the deputy write its plan; its readers read it; others do not see it', async () => {
    const { pages } = await newClass();
    const { teacher, colleague, deputy, coordinator, classTeacher, sysadmin } = world.actors;
    await save(teacher, pages.math!, [topic('Делимость чисел')]);
    await expect(save(deputy, pages.math!, [topic('Делимость чисел'), topic('Признаки делимости')])).resolves.toMatchObject({
      plan: { version: 2 },
    });
    const { revisions } = await rpc.call(ThematicPlanRpc.revisions, { pageId: pages.math! }, as(coordinator));
    expect(revisions.map((revision) => revision.authorId)).toEqual([world.people.deputy, world.people.teacher]);

    for (const reader of [coordinator, classTeacher]) {
      await expect(rpc.call(ThematicPlanRpc.get, { pageId: pages.math! }, as(reader))).resolves.toMatchObject({ version: 2 });
      expect(await refusalOf(save(reader, pages.math!, [topic('Чужая правка')]))).toEqual({
        code: ErrorCode.Forbidden,
        message: 'КТП этой страницы ведёт её учитель',
        details: undefined,
      });
    }
    for (const stranger of [colleague, sysadmin]) {
      expect(await refusalOf(rpc.call(ThematicPlanRpc.get, { pageId: pages.math! }, as(stranger)))).toEqual({
        code: ErrorCode.NotFound,
        message: 'Страница журнала не найдена',
        details: undefined,
      });
      await expect(save(stranger, pages.math!, [topic('Чужая правка')])).rejects.toMatchObject({ code: ErrorCode.NotFound });
    }
    await expect(save(teacher, pages.math!, [topic('Вне года', { plannedDate: '2026-06-01' })])).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: 'Тема 1: дата 01.06.2026 вне 2025/2026 учебного года (01.09.2025–26.05.2026)',
    });
  });

  it('R-PLAN-2: a windows-1251 `;` file: the dry run lists what it read; the import saves a revision; a file with errors changes nothing', async () => {
    const { pages } = await newClass();
    const { teacher } = world.actors;
    const preview = await rpc.call(
      ThematicPlanRpc.previewImport,
      { pageId: pages.math!, file: fixture('ktp-math-windows-1251.csv') },
      as(teacher),
    );
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'windows-1251',
      separator: ';',
      headerLine: 4,
      errors: [],
      totalHours: 8,
      ignoredColumns: ['Дата по факту', 'Примечание'],
      skippedRows: [{ line: 5 }, { line: 10 }],
      changes: { removed: [], changed: [] },
    });
    expect(preview.topics.map((item) => [item.number, item.title, item.hours, item.plannedDate, item.kind])).toEqual([
      [1, 'Повторение курса начальной школы', 1, '2025-09-01', 'lesson'],
      [2, 'Натуральные числа; шкалы', 2, '2025-09-02', 'lesson'],
      [3, 'Входная контрольная работа', 1, '2025-09-03', 'diagnostic-work'],
      [4, 'Анализ контрольной работы', 1, '2025-09-04', 'lesson'],
      [5, 'Обыкновенные дроби', 2, null, 'lesson'],
      [6, 'Контрольная работа № 1 «Дроби»', 1, null, 'control-work'],
    ]);
    expect(preview.changes.added).toHaveLength(6);
    await expect(rpc.call(ThematicPlanRpc.get, { pageId: pages.math! }, as(teacher))).resolves.toMatchObject({ version: 0 });

    const broken = fixture('ktp-with-errors-utf8-bom.csv');
    const previewOfBroken = await rpc.call(ThematicPlanRpc.previewImport, { pageId: pages.math!, file: broken }, as(teacher));
    expect(previewOfBroken.errors.map((error) => [error.line, error.column])).toEqual([
      [2, 'Часы'],
      [3, 'Дата'],
      [4, 'Дата'],
      [5, 'Тема'],
      [6, 'Вид урока'],
    ]);
    expect(previewOfBroken.topics).toEqual([]);
    const refused = await refusalOf(rpc.call(ThematicPlanRpc.importFile, { pageId: pages.math!, file: broken }, as(teacher)));
    expect(refused).toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: 'В файле есть ошибки: исправьте их и загрузите файл снова',
      details: { errors: previewOfBroken.errors },
    });
    await expect(rpc.call(ThematicPlanRpc.get, { pageId: pages.math! }, as(teacher))).resolves.toMatchObject({ version: 0 });

    const imported = await rpc.call(ThematicPlanRpc.importFile, { pageId: pages.math!, file: fixture('ktp-math-windows-1251.csv') }, as(teacher));
    expect(imported.plan).toMatchObject({ version: 1, totalHours: 8 });
    expect(imported.plan.topics.map((item) => item.title)).toEqual(preview.topics.map((item) => item.title));
    const { revisions } = await rpc.call(ThematicPlanRpc.revisions, { pageId: pages.math! }, as(teacher));
    expect(revisions).toEqual([expect.objectContaining({ number: 1, source: 'import', topicCount: 6 })]);

    // The export writes the import's format: the exported file reads back as the same plan, changing nothing.
    for (const format of ['xlsx', 'csv'] as const) {
      const exported = await rpc.call(ThematicPlanRpc.exportFile, { pageId: pages.math!, format }, as(world.actors.coordinator));
      expect(exported.fileName).toBe(`КТП Математика 5Г 2025-2026.${format}`);
      const table = await readTable(Buffer.from(exported.content, 'base64'), { fileName: exported.fileName });
      expect(table.titles).toEqual(['№', 'Тема урока', 'Кол-во часов', 'Дата', 'Вид работы']);
      const again = await rpc.call(ThematicPlanRpc.previewImport, { pageId: pages.math!, file: exported }, as(teacher));
      expect({ errors: again.errors, changes: again.changes }).toEqual({ errors: [], changes: { added: [], removed: [], changed: [] } });
      expect(again.topics).toEqual(imported.plan.topics);
    }
    const xlsx = await rpc.call(ThematicPlanRpc.importFile, { pageId: pages.history!, file: fixture('ktp-history.xlsx') }, as(world.actors.colleague));
    expect(xlsx.plan.topics.map((item) => [item.title, item.plannedDate, item.kind])).toEqual([
      ['Что изучает история', '2025-09-01', 'lesson'],
      ['Древнейшие люди', '2025-09-08', 'lesson'],
      ['Первобытное общество', null, 'control-work'],
    ]);
  });

  it('R-PLAN-1: the status of each page against 10 September, judged just before and just after midnight in Asia/Yekaterinburg', async () => {
    const { pages } = await newClass();
    const { teacher, colleague, coordinator } = world.actors;
    const statusOf = async () => {
      const status = await rpc.call(ThematicPlanRpc.schoolStatus, { schoolId: world.schoolId, academicYear: '2025/2026' }, as(coordinator));
      const ours = status.pages.filter((page) => page.pageId === pages.math || page.pageId === pages.russian);
      return { deadline: status.deadline, today: status.today, timeZone: status.timeZone, pages: ours.map((page) => [page.subjectName, page.status]) };
    };

    clock.set('2025-09-10T23:59:00+05:00');
    await save(teacher, pages.math!, [topic('Натуральные числа')]);
    expect(await statusOf()).toEqual({
      deadline: '2025-09-10',
      today: '2025-09-10',
      timeZone: 'Asia/Yekaterinburg',
      pages: [
        ['Математика', 'submitted-on-time'],
        ['Русский язык', 'missing-not-yet-due'],
      ],
    });

    // Two minutes later it is 11 September in the school (still the 10th in UTC): the missing plan is overdue, and
    // one entered now is late.
    clock.set('2025-09-11T00:01:00+05:00');
    expect((await statusOf()).pages).toEqual([
      ['Математика', 'submitted-on-time'],
      ['Русский язык', 'missing-overdue'],
    ]);
    await save(colleague, pages.russian!, [topic('Фонетика')]);
    expect(await statusOf()).toMatchObject({
      today: '2025-09-11',
      pages: [
        ['Математика', 'submitted-on-time'],
        ['Русский язык', 'submitted-late'],
      ],
    });

    const status = await rpc.call(ThematicPlanRpc.schoolStatus, { schoolId: world.schoolId }, as(world.actors.deputy));
    expect(status.academicYear).toBe('2025/2026');
    expect(status.pages.find((page) => page.pageId === pages.math)).toMatchObject({
      className: '5Д',
      teachers: [{ id: world.people.teacher, name: { lastName: 'Соболева', firstName: 'Ирина', middleName: 'Петровна' } }],
      submittedAt: '2025-09-10T18:59:00.000Z',
      revisions: 1,
    });
    await expect(rpc.call(ThematicPlanRpc.schoolStatus, { schoolId: world.schoolId }, as(teacher))).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
    clock.set(TEST_NOW);
  });

  it('R-PLAN-3: planned against delivered hours of a page in a period, from lessons linked to plan topics', async () => {
    const { pages } = await newClass();
    const { teacher } = world.actors;
    const year = await rpc.call(PlanningRpc.getYear, { yearId: world.yearId }, { actor: SYSTEM_SEED_ACTOR });
    const quarter = (nameRu: string) => year.periods.find((period) => period.nameRu === nameRu && period.kind === 'quarter')!;
    const { plan } = await save(teacher, pages.math!, [
      topic('Повторение', { hours: 2 }),
      topic('Делимость чисел', { hours: 3 }),
      topic('Контрольная работа № 1', { kind: 'control-work' }),
      topic('Обыкновенные дроби', { hours: 2, plannedDate: '2025-11-10' }),
    ]);
    const [repeat, divisibility] = plan.topics;
    const { lessons } = await rpc.call(
      PlanningRpc.lessonsOfPages,
      { pageIds: [pages.math!], from: '2025-09-01', to: '2025-09-05' },
      { actor: SYSTEM_SEED_ACTOR },
    );
    const [first, second, third, fourth] = lessons as [Lesson, Lesson, Lesson, Lesson];
    const write = (lesson: Lesson, content: { topic?: string; planTopicId?: string }) =>
      rpc.call(JournalRpc.saveLessonContent, { lessonId: lesson.id, ...content }, as(teacher));

    await expect(rpc.call(ThematicPlanRpc.lessonTopics, { lessonId: first.id }, as(teacher))).resolves.toEqual({
      pageId: pages.math,
      topics: plan.topics,
    });
    // The topic of the lesson is the plan topic's title unless the teacher writes one.
    await expect(write(first, { planTopicId: repeat!.id })).resolves.toMatchObject({ topic: 'Повторение', planTopicId: repeat!.id });
    await write(second, { topic: 'Повторение: действия с натуральными числами', planTopicId: repeat!.id });
    await write(third, { topic: 'Решение задач' });
    await write(fourth, { planTopicId: divisibility!.id });
    // The fourth lesson was cancelled afterwards: it is not conducted.
    await db.query(`UPDATE lesson SET status = 'cancelled' WHERE id = $1`, [fourth.id]);

    const progress = await rpc.call(ThematicPlanRpc.progress, { pageId: pages.math!, periodId: quarter('I четверть').id }, as(teacher));
    expect(progress).toMatchObject({
      period: { nameRu: 'I четверть', start: '2025-09-01', end: '2025-10-24' },
      plannedHours: 6,
      deliveredHours: 2,
      conductedLessons: 3,
      unlinkedLessons: 1,
      linkedToRemovedTopics: 0,
    });
    expect(progress.topics.map((item) => [item.title, item.expectedDate, item.plannedInPeriod, item.deliveredInPeriod])).toEqual([
      ['Повторение', '2025-09-01', 2, 2],
      ['Делимость чисел', '2025-09-02', 3, 0],
      ['Контрольная работа № 1', '2025-09-04', 1, 0],
      ['Обыкновенные дроби', '2025-11-10', 0, 0],
    ]);
    const secondQuarter = await rpc.call(ThematicPlanRpc.progress, { pageId: pages.math!, periodId: quarter('II четверть').id }, as(world.actors.deputy));
    expect(secondQuarter).toMatchObject({ plannedHours: 2, deliveredHours: 0, conductedLessons: 0 });

    // A topic removed from the plan keeps its lessons: they count as delivered, and are told apart.
    await save(teacher, pages.math!, plan.topics.slice(1));
    await expect(rpc.call(ThematicPlanRpc.progress, { pageId: pages.math!, periodId: quarter('I четверть').id }, as(teacher))).resolves.toMatchObject({
      deliveredHours: 2,
      linkedToRemovedTopics: 2,
    });
    await expect(rpc.call(ThematicPlanRpc.progress, { pageId: pages.math! }, as(teacher))).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'Сегодня не идёт учебный период: укажите период',
    });
  });

  it('R-DATA-2, R-PLAN-1: plans kept in another system load as their teachers saved them; lessons loaded later link to their topics', async () => {
    const { pages } = await newClass();
    const { teacher, coordinator } = world.actors;
    clock.set('2025-10-01T12:00:00+05:00');
    const ids = [randomUUID(), randomUUID()];
    const plans = [
      {
        pageId: pages.math!,
        authorId: world.people.teacher,
        savedAt: '2025-09-09T10:00:00.000Z',
        topics: [topic('Натуральные числа', { id: ids[0] }), topic('Контрольная работа № 1', { id: ids[1], kind: 'control-work' })],
      },
      { pageId: pages.russian!, authorId: world.people.colleague, savedAt: '2025-09-15T10:00:00.000Z', topics: [topic('Фонетика')] },
    ];
    await expect(rpc.call(ThematicPlanRpc.importPlans, { plans }, as(teacher))).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(rpc.call(ThematicPlanRpc.importPlans, { plans }, as(SYSTEM_SEED_ACTOR))).resolves.toEqual({ imported: 2, skipped: 0 });
    // A page with a plan keeps it.
    await expect(rpc.call(ThematicPlanRpc.importPlans, { plans }, as(SYSTEM_SEED_ACTOR))).resolves.toEqual({ imported: 0, skipped: 2 });

    const { revisions } = await rpc.call(ThematicPlanRpc.revisions, { pageId: pages.math! }, as(teacher));
    expect(revisions).toEqual([
      { number: 1, authorId: world.people.teacher, savedAt: '2025-09-09T10:00:00.000Z', source: 'import', topicCount: 2, totalHours: 2 },
    ]);
    expect((await rpc.call(ThematicPlanRpc.get, { pageId: pages.math! }, as(teacher))).topics.map((item) => item.id)).toEqual(ids);
    const status = await rpc.call(ThematicPlanRpc.schoolStatus, { schoolId: world.schoolId, academicYear: '2025/2026' }, as(coordinator));
    const statusOf = (pageId: string) => status.pages.find((page) => page.pageId === pageId)?.status;
    expect([statusOf(pages.math!), statusOf(pages.russian!)]).toEqual(['submitted-on-time', 'submitted-late']);

    const { lessons } = await rpc.call(PlanningRpc.lessonsOfPages, { pageIds: [pages.math!], from: '2025-09-01', to: '2025-09-05' }, as(SYSTEM_SEED_ACTOR));
    const lesson = lessons[0]!;
    await rpc.call(
      JournalRpc.importLessons,
      {
        schoolId: world.schoolId,
        timeZone: 'Asia/Yekaterinburg',
        lessons: [
          {
            lessonId: lesson.id,
            pageId: pages.math!,
            date: lesson.date,
            topic: 'Натуральные числа',
            homework: null,
            enteredAt: `${lesson.date}T06:00:00.000Z`,
            enteredBy: world.people.teacher,
            planTopicId: ids[0]!,
            marks: [],
          },
        ],
      },
      as(SYSTEM_SEED_ACTOR),
    );
    const year = await rpc.call(PlanningRpc.getYear, { yearId: world.yearId }, as(SYSTEM_SEED_ACTOR));
    const first = year.periods.find((period) => period.nameRu === 'I четверть' && period.kind === 'quarter')!;
    const progress = await rpc.call(ThematicPlanRpc.progress, { pageId: pages.math!, periodId: first.id }, as(teacher));
    expect(progress).toMatchObject({ deliveredHours: 1, unlinkedLessons: 0 });
    clock.set(TEST_NOW);
  });
});
