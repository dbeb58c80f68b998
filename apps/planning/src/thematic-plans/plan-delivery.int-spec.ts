import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { type Actor, ErrorCode, JournalRpc, type Lesson, PlanDeliveryRpc, PlanningRpc, type PlanTopicInput, SYSTEM_SEED_ACTOR, ThematicPlanRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment } from '#testing';
import { identityServiceSpec } from '../../../identity/src/identity.service-spec.js';
import { journalServiceSpec } from '../../../journal/src/journal.service-spec.js';
import { planningServiceSpec } from '../planning.service-spec.js';
import { loadPlanWorld, type PlanWorld } from '../testing/plan-world.js';
import { SettableClock } from '../testing/settable-clock.js';

const topic = (title: string, extra: Partial<PlanTopicInput> = {}): PlanTopicInput => ({ title, hours: 1, plannedDate: null, kind: 'lesson', ...extra });

/**
 * Planned against delivered hours of every page of a school (R-PLAN-3): 5А of the plan world with math (a plan of
 * 8 hours, 6 of them in the first quarter), Russian (3 hours), literature and history (no plan); planning answers it
 * with the journal's lessons (identity, planning and journal running).
 */
describe('planning: planned against delivered hours across the school (R-PLAN-3)', () => {
  let deployment: TestDeployment;
  const services: RunningService[] = [];
  let rpc: RpcClient;
  let world: PlanWorld;
  let firstQuarter: string;
  const clock = new SettableClock();
  const as = (actor: Actor) => ({ actor });

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity', 'planning', 'journal']);
    services.push(await startTestService(identityServiceSpec, deployment));
    const planning = await startTestService(planningServiceSpec, deployment, clock);
    services.push(planning, await startTestService(journalServiceSpec, deployment));
    rpc = planning.app.get(RpcClient);
    world = await loadPlanWorld(rpc);
    const { teacher, colleague } = world.actors;
    const { pages } = world.class5a;
    clock.set('2025-09-05T09:00:00+05:00');
    const { plan } = await rpc.call(
      ThematicPlanRpc.save,
      {
        pageId: pages.math!,
        topics: [
          topic('Повторение', { hours: 2 }),
          topic('Делимость чисел', { hours: 3 }),
          topic('Контрольная работа № 1', { kind: 'control-work' }),
          topic('Обыкновенные дроби', { hours: 2, plannedDate: '2025-11-10' }),
        ],
      },
      as(teacher),
    );
    await rpc.call(ThematicPlanRpc.save, { pageId: pages.russian!, topics: [topic('Фонетика', { hours: 3 })] }, as(colleague));
    const lessonsOf = async (pageId: string) =>
      (await rpc.call(PlanningRpc.lessonsOfPages, { pageIds: [pageId], from: '2025-09-01', to: '2025-09-05' }, as(SYSTEM_SEED_ACTOR))).lessons;
    const [first, second, third] = await lessonsOf(pages.math!);
    const [russian] = await lessonsOf(pages.russian!);
    const write = (actor: Actor, lesson: Lesson, content: { topic?: string; planTopicId?: string }) =>
      rpc.call(JournalRpc.saveLessonContent, { lessonId: lesson.id, ...content }, as(actor));
    // Math: two lessons linked to «Повторение», one with a topic of its own; Russian: one lesson, not linked.
    await write(teacher, first!, { planTopicId: plan.topics[0]!.id });
    await write(teacher, second!, { planTopicId: plan.topics[0]!.id });
    await write(teacher, third!, { topic: 'Решение задач' });
    await write(colleague, russian!, { topic: 'Звуки речи' });
    const year = await rpc.call(PlanningRpc.getYear, { yearId: world.yearId }, as(SYSTEM_SEED_ACTOR));
    firstQuarter = year.periods.find((period) => period.nameRu === 'I четверть' && period.kind === 'quarter')!.id;
  }, 180_000);

  afterAll(async () => {
    for (const service of services.reverse()) await service.close();
    await deployment?.dispose();
  });

  it('R-PLAN-3: every page of the school with the КТП hours of the quarter, lessons conducted and the difference', async () => {
    const report = await rpc.call(PlanDeliveryRpc.ofSchool, { schoolId: world.schoolId, periodId: firstQuarter }, as(world.actors.coordinator));
    expect(report.span).toMatchObject({ kind: 'period', id: firstQuarter, nameRu: 'I четверть 2025/2026', start: '2025-09-01', end: '2025-10-24' });
    expect(report.pages.map((page) => [page.className, page.subjectName, page.hasPlan, page.plannedHours, page.conductedLessons, page.linkedLessons, page.difference])).toEqual([
      ['5А', 'История', false, 0, 0, 0, 0],
      ['5А', 'Литература', false, 0, 0, 0, 0],
      // Повторение 2 + Делимость 3 + КР 1 fall in the quarter (дроби on 10 November do not).
      ['5А', 'Математика', true, 6, 3, 2, -3],
      ['5А', 'Русский язык', true, 3, 1, 0, -2],
    ]);
    expect(report.totals).toEqual({ plannedHours: 9, conductedLessons: 4, linkedLessons: 2, difference: -5 });
    expect(report.pages.find((page) => page.subjectCode === 'math')!.teachers.map((teacher) => teacher.id)).toEqual([world.people.teacher]);
    // The same numbers as the page's own progress (one rule).
    const own = await rpc.call(ThematicPlanRpc.progress, { pageId: world.class5a.pages.math!, periodId: firstQuarter }, as(world.actors.teacher));
    expect([own.plannedHours, own.conductedLessons, own.deliveredHours]).toEqual([6, 3, 2]);
  });

  it('R-PLAN-3: over the whole year every topic counts; the XLSX lists the pages and the school\'s totals', async () => {
    const report = await rpc.call(PlanDeliveryRpc.ofSchool, { schoolId: world.schoolId, yearId: world.yearId }, as(world.actors.deputy));
    expect(report.span).toMatchObject({ kind: 'year', id: world.yearId, nameRu: '2025/2026 учебный год' });
    expect(report.totals).toEqual({ plannedHours: 11, conductedLessons: 4, linkedLessons: 2, difference: -7 });

    const file = await rpc.call(PlanDeliveryRpc.file, { schoolId: world.schoolId, periodId: firstQuarter, format: 'xlsx' }, as(world.actors.coordinator));
    expect(file.fileName).toBe('Выполнение программы I четверть 2025-2026.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['Класс', 'Предмет', 'Группа', 'Учитель', 'КТП', 'Запланировано часов', 'Проведено уроков', 'Из них по темам КТП', 'Разница']);
    expect(rows[3]!.slice(4)).toEqual(['да', 6, 3, 2, -3]);
    expect(rows[5]).toEqual(['Итого по школе', undefined, undefined, undefined, undefined, 9, 4, 2, -5]);
  });

  it('a teacher does not read the school\'s report; a period of another school is NOT_FOUND', async () => {
    await expect(rpc.call(PlanDeliveryRpc.ofSchool, { schoolId: world.schoolId, periodId: firstQuarter }, as(world.actors.teacher))).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
    const other = await loadPlanWorld(rpc);
    await expect(rpc.call(PlanDeliveryRpc.ofSchool, { schoolId: other.schoolId, periodId: firstQuarter }, as(other.actors.coordinator))).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
  });
});
