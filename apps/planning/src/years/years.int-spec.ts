import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type Actor, ErrorCode, PlanningEvents, PlanningRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment } from '#testing';
import { planningServiceSpec } from '../planning.service-spec.js';
import { publishedEvents } from '../testing/published-events.js';
import { schoolYear2025 } from '../testing/school-year-2025-2026.fixture.js';

const teacher: Actor = { kind: 'person', accountId: randomUUID(), personId: randomUUID(), grants: [] };
const system = { actor: SYSTEM_SEED_ACTOR };

describe('planning: academic years and periods', () => {
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

  const yearSavedFor = async (schoolId: string) =>
    (await publishedEvents(planning.app.get(DataSource), deployment.nats, PlanningEvents.yearSaved)).filter(
      (year) => year.schoolId === schoolId,
    );

  it('R-CAL-1: loading the same year twice gives the same year and announces it once', async () => {
    const schoolId = randomUUID();
    const first = await rpc.call(PlanningRpc.upsertYear, schoolYear2025(schoolId), system);
    const second = await rpc.call(PlanningRpc.upsertYear, schoolYear2025(schoolId), system);
    expect(second).toEqual(first);
    expect(first.periods).toHaveLength(6);
    expect(first.breaks.map((schoolBreak) => schoolBreak.kind)).toEqual(['autumn', 'winter', 'extra-grade1', 'spring', 'summer', 'summer']);
    expect(first.daysOff).toHaveLength(18);
    await expect(rpc.call(PlanningRpc.getYear, { yearId: first.id })).resolves.toEqual(first);
    expect(await yearSavedFor(schoolId)).toEqual([first]);
  });

  it('R-CAL-1: a changed calendar is announced again, and its periods keep their ids and "closed" flags', async () => {
    const schoolId = randomUUID();
    const first = await rpc.call(PlanningRpc.upsertYear, schoolYear2025(schoolId), system);
    const firstQuarter = first.periods.find((period) => period.nameRu === 'I четверть');
    await planning.app.get(DataSource).query('UPDATE period SET closed = true WHERE id = $1', [firstQuarter?.id]);

    const changed = schoolYear2025(schoolId);
    changed.periods = changed.periods.map((period) =>
      period.nameRu === 'IV четверть' ? { ...period, end: '2026-05-22' } : period,
    );
    const second = await rpc.call(PlanningRpc.upsertYear, changed, system);

    expect(second.id).toBe(first.id);
    expect(second.periods.map((period) => period.id).sort()).toEqual(first.periods.map((period) => period.id).sort());
    expect(second.periods.find((period) => period.id === firstQuarter?.id)?.closed).toBe(true);
    expect(second.periods.find((period) => period.nameRu === 'IV четверть')?.end).toBe('2026-05-22');
    const events = await yearSavedFor(schoolId);
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual(second);
  });

  it('R-CAL-1: a reloaded calendar may neither move nor drop a closed period', async () => {
    const schoolId = randomUUID();
    const first = await rpc.call(PlanningRpc.upsertYear, schoolYear2025(schoolId), system);
    const firstQuarter = first.periods.find((period) => period.nameRu === 'I четверть');
    await planning.app.get(DataSource).query('UPDATE period SET closed = true WHERE id = $1', [firstQuarter?.id]);

    const moved = schoolYear2025(schoolId);
    moved.periods = moved.periods.map((period) => (period.nameRu === 'I четверть' ? { ...period, end: '2025-10-31' } : period));
    const refusal = { code: ErrorCode.PeriodClosed, message: 'Период «I четверть» закрыт: его даты не меняются' };
    await expect(rpc.call(PlanningRpc.upsertYear, moved, system)).rejects.toMatchObject(refusal);
    const dropped = schoolYear2025(schoolId);
    dropped.periods = dropped.periods.filter((period) => period.nameRu !== 'I четверть');
    await expect(rpc.call(PlanningRpc.upsertYear, dropped, system)).rejects.toMatchObject(refusal);
    await expect(rpc.call(PlanningRpc.getYear, { yearId: first.id })).resolves.toMatchObject({
      periods: expect.arrayContaining([expect.objectContaining({ nameRu: 'I четверть', end: '2025-10-24', closed: true })]),
    });
  });

  it('R-CAL-1: on the same date a grade-5 pupil is in a quarter and a grade-10 pupil in a half-year', async () => {
    const schoolId = randomUUID();
    await rpc.call(PlanningRpc.upsertYear, schoolYear2025(schoolId), system);
    await expect(rpc.call(PlanningRpc.periodAt, { schoolId, grade: 5, date: '2025-11-20' })).resolves.toMatchObject({
      kind: 'quarter',
      number: 2,
      nameRu: 'II четверть',
    });
    const halfYear = await rpc.call(PlanningRpc.periodAt, { schoolId, grade: 10, date: '2025-11-20' });
    expect(halfYear).toMatchObject({ kind: 'half-year', number: 1, nameRu: 'I полугодие' });
    await expect(rpc.call(PlanningRpc.getPeriod, { periodId: halfYear.id })).resolves.toEqual(halfYear);
  });

  it('R-CAL-1: there is no period in a break or outside the year', async () => {
    const schoolId = randomUUID();
    await rpc.call(PlanningRpc.upsertYear, schoolYear2025(schoolId), system);
    await expect(rpc.call(PlanningRpc.periodAt, { schoolId, grade: 5, date: '2025-10-28' })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    await expect(rpc.call(PlanningRpc.periodAt, { schoolId, grade: 5, date: '2026-07-01' })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
  });

  it('R-CAL-1: in July the year just ended is the current one; before any year there is none', async () => {
    const schoolId = randomUUID();
    await rpc.call(
      PlanningRpc.upsertYear,
      {
        ...schoolYear2025(schoolId),
        label: '2024/2025',
        start: '2024-09-02',
        end: '2025-05-26',
        derived: true,
        periods: [{ kind: 'half-year', number: 1, nameRu: 'I полугодие', start: '2024-09-02', end: '2025-05-26', gradeFrom: 1, gradeTo: 11 }],
        breaks: [],
        daysOff: [],
        workingWeekendDays: [],
      },
      system,
    );
    await rpc.call(PlanningRpc.upsertYear, schoolYear2025(schoolId), system);

    await expect(rpc.call(PlanningRpc.yearAt, { schoolId, date: '2026-07-15' })).resolves.toMatchObject({ label: '2025/2026' });
    await expect(rpc.call(PlanningRpc.yearAt, { schoolId, date: '2025-12-01' })).resolves.toMatchObject({ label: '2025/2026' });
    await expect(rpc.call(PlanningRpc.yearAt, { schoolId, date: '2025-07-15' })).resolves.toMatchObject({ label: '2024/2025' });
    await expect(rpc.call(PlanningRpc.yearAt, { schoolId, date: '2024-08-31' })).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('R-CAL-1: refuses periods of one grade that overlap', async () => {
    const request = schoolYear2025(randomUUID());
    request.periods.push({ kind: 'trimester', number: 1, nameRu: 'I триместр', start: '2025-09-01', end: '2025-11-30', gradeFrom: 9, gradeTo: 10 });
    await expect(rpc.call(PlanningRpc.upsertYear, request, system)).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: 'Периоды «I четверть» и «I триместр» пересекаются для 9 класса',
    });
  });

  it('R-CAL-1: refuses a period outside the year and a year that ends before it starts', async () => {
    const outside = schoolYear2025(randomUUID());
    outside.periods.push({ kind: 'trimester', number: 1, nameRu: 'Летний триместр', start: '2026-06-01', end: '2026-06-30', gradeFrom: 1, gradeTo: 11 });
    await expect(rpc.call(PlanningRpc.upsertYear, outside, system)).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: 'Период «Летний триместр» выходит за границы учебного года',
    });
    const backwards = { ...schoolYear2025(randomUUID()), start: '2026-09-01' };
    await expect(rpc.call(PlanningRpc.upsertYear, backwards, system)).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: 'Начало учебного года позже его окончания',
    });
  });

  it('loads years only for the system; anyone may read them', async () => {
    const request = schoolYear2025(randomUUID());
    await expect(rpc.call(PlanningRpc.upsertYear, request, { actor: teacher })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(rpc.call(PlanningRpc.upsertYear, request)).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    const year = await rpc.call(PlanningRpc.upsertYear, request, system);
    await expect(rpc.call(PlanningRpc.getYear, { yearId: year.id }, { actor: teacher })).resolves.toEqual(year);
  });

  it('answers NOT_FOUND for a year or a period that does not exist', async () => {
    await expect(rpc.call(PlanningRpc.getYear, { yearId: randomUUID() })).rejects.toMatchObject({ code: ErrorCode.NotFound });
    await expect(rpc.call(PlanningRpc.getPeriod, { periodId: randomUUID() })).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});
