import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Actor,
  AssessmentRpc,
  ErrorCode,
  type Period,
  PlanningRpc,
  type PlanTopicInput,
  SYSTEM_SEED_ACTOR,
  ThematicPlanRpc,
} from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { readTable } from '#spreadsheet';
import { createTestDeployment, refusalOf, startTestService, type TestDeployment } from '#testing';
import { identityServiceSpec } from '../../../identity/src/identity.service-spec.js';
import { planningServiceSpec } from '../planning.service-spec.js';
import { loadPlanWorld, type PlanWorld, type PlanWorldClass, slotsOf, WEEK_OF_5A } from '../testing/plan-world.js';
import { studyWeeks } from './study-weeks.js';

const AS_SYSTEM = { actor: SYSTEM_SEED_ACTOR };
const LETTER = 'письмо Рособрнадзора и Минпросвещения СК-228/03';
const topic = (title: string, extra: Partial<PlanTopicInput> = {}): PlanTopicInput => ({
  title,
  hours: 1,
  plannedDate: null,
  kind: 'control-work',
  ...extra,
});

describe('planning: the rules for assessment work (letter СК-228/03) and the schedule of assessments', () => {
  let deployment: TestDeployment;
  const services: RunningService[] = [];
  let rpc: RpcClient;
  let world: PlanWorld;
  let class5b: PlanWorldClass;
  let firstQuarter: Period;
  let historyHours: number;

  const as = (actor: Actor) => ({ actor });
  const save = (actor: Actor, pageId: string, topics: PlanTopicInput[]) => rpc.call(ThematicPlanRpc.save, { pageId, topics }, as(actor));

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity', 'planning']);
    services.push(await startTestService(identityServiceSpec, deployment));
    const planning = await startTestService(planningServiceSpec, deployment);
    services.push(planning);
    rpc = planning.app.get(RpcClient);
    world = await loadPlanWorld(rpc);
    class5b = await world.addClass('Б', WEEK_OF_5A);
    const year = await rpc.call(PlanningRpc.getYear, { yearId: world.yearId }, AS_SYSTEM);
    firstQuarter = year.periods.find((period) => period.kind === 'quarter' && period.number === 1)!;
    // No curriculum line for history: its hours are its one weekly lesson × the study weeks of grade 5.
    historyHours = studyWeeks(year, 5);
  }, 120_000);

  afterAll(async () => {
    for (const service of services.reverse()) await service.close();
    await deployment?.dispose();
  });

  it('R-PLAN-3 (СК-228/03): saving a plan answers the rules it breaks (warnings, the plan is saved); the class check lists them all', async () => {
    const { teacher, colleague } = world.actors;
    const { pages } = class5b;
    const russian = await save(colleague, pages.russian!, [
      topic('Фонетика', { kind: 'lesson', hours: 6 }),
      topic('Контрольный диктант «Фонетика»', { kind: 'dictation', plannedDate: '2025-09-17' }),
    ]);
    expect(russian.warnings).toEqual([]);

    const math = await save(teacher, pages.math!, [
      topic('Натуральные числа', { kind: 'lesson', hours: 5 }),
      topic('Контрольная работа № 1', { plannedDate: '2025-09-17' }),
      topic('Сложение и вычитание', { kind: 'lesson', hours: 2 }),
      topic('Контрольная работа № 2', { plannedDate: '2025-09-23' }),
    ]);
    expect(math.plan.version).toBe(1);
    const [, firstTest, , secondTest] = math.plan.topics;
    expect(math.warnings).toEqual([
      {
        code: 'ASSESSMENTS_SAME_DAY',
        message:
          '5Б, 17.09.2025: 2 оценочные процедуры в один день (Математика — «Контрольная работа № 1»; Русский язык — ' +
          `«Контрольный диктант «Фонетика»»). В классе допускается не более одной оценочной процедуры в день (${LETTER}).`,
        classId: class5b.classId,
        pageIds: [pages.math, pages.russian],
        topicIds: [firstTest!.id, russian.plan.topics[1]!.id],
        date: '2025-09-17',
        lessonNumber: null,
      },
      {
        code: 'ASSESSMENT_FIRST_OR_LAST_LESSON',
        message:
          'Математика, 5Б, 23.09.2025: «Контрольная работа № 2» на первом уроке дня (1-й урок). ' +
          `Оценочные процедуры не проводятся на первом и последнем уроках, кроме предметов с одним уроком в неделю (${LETTER}).`,
        classId: class5b.classId,
        pageIds: [pages.math],
        topicIds: [secondTest!.id],
        date: '2025-09-23',
        lessonNumber: 1,
      },
    ]);

    // History has one lesson a week (Monday's last): a test on it is allowed there, but four of them exceed 10 %.
    const history = await save(colleague, pages.history!, [
      topic('Что изучает история', { kind: 'lesson' }),
      topic('Контрольная работа № 1'),
      topic('Контрольная работа № 2'),
      topic('Контрольная работа № 3'),
      topic('Контрольная работа № 4'),
    ]);
    const percent = String(Math.round(4000 / historyHours) / 10).replace('.', ',');
    expect(history.warnings).toEqual([
      expect.objectContaining({
        code: 'ASSESSMENTS_OVER_TEN_PERCENT',
        message:
          `История, 5Б: на оценочные процедуры отведено 4 ч из ${historyHours} ч в год (${percent} %). ` +
          `На них отводится не более 10 % учебного времени предмета в классе (${LETTER}).`,
        pageIds: [pages.history],
        date: null,
      }),
    ]);
    const check = await rpc.call(AssessmentRpc.check, { classId: class5b.classId }, as(world.actors.deputy));
    expect(check.academicYear).toBe('2025/2026');
    expect(check.warnings.map((warning) => [warning.code, warning.date])).toEqual([
      ['ASSESSMENTS_SAME_DAY', '2025-09-17'],
      ['ASSESSMENTS_OVER_TEN_PERCENT', null],
      ['ASSESSMENT_FIRST_OR_LAST_LESSON', '2025-09-23'],
    ]);

    // Three tests are within 10 %: saving history without the fourth clears that warning.
    const fewer = await save(colleague, pages.history!, history.plan.topics.slice(0, 4));
    expect(fewer.warnings).toEqual([]);
  });

  it('R-PLAN-3 (СК-228/03): the published schedule of a class for a period — date, lesson, subject, kind, topic — in JSON and XLSX', async () => {
    const schedule = await rpc.call(AssessmentRpc.schedule, { classId: class5b.classId, periodId: firstQuarter.id }, as(world.actors.classTeacher));
    expect(schedule).toMatchObject({
      className: '5Б',
      academicYear: '2025/2026',
      period: { id: firstQuarter.id, nameRu: 'I четверть', start: '2025-09-01', end: '2025-10-24' },
    });
    expect(schedule.assessments.map((item) => [item.date, item.lessonNumber, item.subjectName, item.kindName, item.title])).toEqual([
      ['2025-09-08', 5, 'История', 'Контрольная работа', 'Контрольная работа № 1'],
      ['2025-09-15', 5, 'История', 'Контрольная работа', 'Контрольная работа № 2'],
      ['2025-09-17', 2, 'Математика', 'Контрольная работа', 'Контрольная работа № 1'],
      ['2025-09-17', 3, 'Русский язык', 'Контрольный диктант', 'Контрольный диктант «Фонетика»'],
      ['2025-09-22', 5, 'История', 'Контрольная работа', 'Контрольная работа № 3'],
      ['2025-09-23', 1, 'Математика', 'Контрольная работа', 'Контрольная работа № 2'],
    ]);

    const file = await rpc.call(AssessmentRpc.exportSchedule, { classId: class5b.classId, periodId: firstQuarter.id }, as(world.actors.teacher));
    expect(file).toMatchObject({
      fileName: 'График оценочных процедур 5Б, I четверть 2025-2026.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const table = await readTable(Buffer.from(file.content, 'base64'), { fileName: file.fileName });
    expect(table.titles).toEqual(['Дата', 'Урок', 'Предмет', 'Вид работы', 'Тема']);
    expect(table.rows.map((row) => Object.values(row.cells))).toEqual(
      schedule.assessments.map((item) => [item.date, String(item.lessonNumber), item.subjectName, item.kindName, item.title]),
    );

    const other = await rpc.call(PlanningRpc.getYear, { yearId: world.yearId }, AS_SYSTEM);
    const secondQuarter = other.periods.find((period) => period.kind === 'quarter' && period.number === 2)!;
    await expect(rpc.call(AssessmentRpc.schedule, { classId: class5b.classId, periodId: secondQuarter.id }, as(world.actors.teacher))).resolves.toMatchObject({
      assessments: [],
    });
    const halfYear = other.periods.find((period) => period.kind === 'half-year')!;
    await expect(rpc.call(AssessmentRpc.schedule, { classId: class5b.classId, periodId: halfYear.id }, as(world.actors.teacher))).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'Период не найден',
    });
  });

  it('R-PLAN-3 (СК-228/03): a timetable saved answers the rules the classes\' plans break on it', async () => {
    const schoolClass = await world.addClass('В', WEEK_OF_5A);
    const { plan, warnings } = await save(world.actors.teacher, schoolClass.pages.math!, [
      topic('Натуральные числа', { kind: 'lesson', hours: 4 }),
      topic('Контрольная работа № 1', { plannedDate: '2025-09-17' }),
    ]);
    expect(warnings).toEqual([]);
    // Wednesday's mathematics moves to the first lesson: the planned test would be on it.
    const week = { ...WEEK_OF_5A, 3: ['math', 'literature', 'russian', 'literature'] };
    const answer = await rpc.call(
      PlanningRpc.replaceTimetable,
      { yearId: world.yearId, classes: [{ classId: schoolClass.classId, grade: 5, slots: slotsOf(week, schoolClass.pages) }] },
      AS_SYSTEM,
    );
    expect(answer).toEqual({
      ok: true,
      warnings: [
        expect.objectContaining({
          code: 'ASSESSMENT_FIRST_OR_LAST_LESSON',
          classId: schoolClass.classId,
          topicIds: [plan.topics[1]!.id],
          date: '2025-09-17',
          lessonNumber: 1,
        }),
      ],
    });
  });

  it('R-ACC-3: the school\'s teachers and management read a class\'s assessments; nobody else sees the class', async () => {
    const outsider: Actor = { ...world.actors.sysadmin };
    for (const reader of [world.actors.colleague, world.actors.coordinator]) {
      await expect(rpc.call(AssessmentRpc.check, { classId: class5b.classId }, as(reader))).resolves.toMatchObject({ classId: class5b.classId });
    }
    expect(await refusalOf(rpc.call(AssessmentRpc.check, { classId: class5b.classId }, as(outsider)))).toEqual({
      code: ErrorCode.NotFound,
      message: 'Класс не найден',
      details: undefined,
    });
    // Out of the year's periods (the test clock is in December 2026) the period must be named.
    await expect(rpc.call(AssessmentRpc.schedule, { classId: class5b.classId }, as(world.actors.teacher))).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
  });
});
