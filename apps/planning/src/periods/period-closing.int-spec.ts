import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AttendanceRpc, type Actor, ErrorCode, JournalRpc, type Period, PeriodsRpc, PlanningEvents, ReportingRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { OutboxRelay, type RunningService, RpcClient } from '#platform';
import { createTestDeployment, eventually, startTestService, TEST_NOW, type TestDeployment } from '#testing';
import { attendanceServiceSpec } from '../../../attendance/src/attendance.service-spec.js';
import { identityServiceSpec } from '../../../identity/src/identity.service-spec.js';
import { journalServiceSpec } from '../../../journal/src/journal.service-spec.js';
import { reportingServiceSpec } from '../../../reporting/src/reporting.service-spec.js';
import { planningServiceSpec } from '../planning.service-spec.js';
import { PeriodGuard } from './period-guard.js';
import { type JournalSchool, loadJournalSchool, MovableClock } from '../testing/journal-school.js';
import { publishedEvents } from '../testing/published-events.js';

describe('planning: closing and reopening periods, with the real journal, attendance and read model', () => {
  const clock = new MovableClock(TEST_NOW);
  let deployment: TestDeployment;
  const services = new Map<string, RunningService>();
  let rpc: RpcClient;
  let school: JournalSchool;
  let deputy: Actor;
  let director: Actor;
  let teacher: Actor;

  const serviceOf = (name: string) => services.get(name)!;

  beforeAll(async () => {
    deployment = await createTestDeployment();
    for (const spec of [identityServiceSpec, planningServiceSpec, journalServiceSpec, attendanceServiceSpec, reportingServiceSpec]) {
      services.set(spec.name, await startTestService(spec, deployment, clock));
    }
    rpc = serviceOf('planning').app.get(RpcClient);
    school = await loadJournalSchool(rpc, 'periods');
    deputy = school.actor('deputy');
    director = school.actor('director');
    teacher = school.actor('teacher');
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...services.values()].map((service) => service.close()));
    await deployment?.dispose();
  });

  const periodNamed = (nameRu: string): Period => school.year.periods.find((period) => period.nameRu === nameRu)!;
  const close = (period: Period, actor: Actor, reason?: string) =>
    rpc.call(PeriodsRpc.close, { schoolId: school.schoolId, periodId: period.id, ...(reason ? { reason } : {}) }, { actor });
  const reopen = (period: Period, actor: Actor, reason?: string) =>
    rpc.call(PeriodsRpc.reopen, { schoolId: school.schoolId, periodId: period.id, ...(reason ? { reason } : {}) }, { actor });
  const logOf = () => rpc.call(PeriodsRpc.log, { schoolId: school.schoolId, yearId: school.year.id }, { actor: deputy });

  const writes = (value: number) => ({
    mark: () =>
      rpc.call(JournalRpc.addMark, { lessonId: school.lessons.math, studentId: school.studentId, value, workKind: 'answer' }, { actor: teacher }),
    topic: () => rpc.call(JournalRpc.saveLessonContent, { lessonId: school.lessons.math, topic: `Дроби, урок ${value}` }, { actor: teacher }),
    absence: () =>
      rpc.call(
        AttendanceRpc.setEntry,
        { lessonId: school.lessons.math, studentId: school.studentId, status: value % 2 ? 'absent' : 'late', ...(value % 2 ? { reason: 'illness' } : { minutesLate: 5 }) },
        { actor: teacher },
      ),
  });

  /** The read model's copy of the period's flag, once every committed event has reached it. */
  async function closedInReadModel(periodId: string): Promise<boolean | undefined> {
    await Promise.all([...services.values()].map((service) => service.app.get(OutboxRelay).flush()));
    await eventually(async () => {
      const { backlog } = await rpc.call(ReportingRpc.backlog, {}, { actor: SYSTEM_SEED_ACTOR });
      if (backlog !== 0) throw new Error(`read model is ${backlog} events behind`);
    });
    const [row] = await serviceOf('reporting')
      .app.get(DataSource)
      .query<Array<{ closed: boolean }>>('SELECT closed FROM period WHERE id = $1', [periodId]);
    return row?.closed;
  }

  it('R-CAL-1: a closed period refuses marks, topics and attendance; reopened, it takes them again; the log has both', async () => {
    const quarter = periodNamed('II четверть');
    const closed = await close(quarter, deputy, 'Приказ № 45 об итогах II четверти');
    expect(closed).toEqual({ ...quarter, closed: true });
    await expect(closedInReadModel(quarter.id)).resolves.toBe(true);

    const refused = writes(4);
    for (const write of [refused.mark, refused.topic, refused.absence]) {
      await expect(write()).rejects.toMatchObject({
        code: ErrorCode.PeriodClosed,
        message: 'Период «II четверть» закрыт: изменения не допускаются',
      });
    }

    clock.set(new Date('2026-12-03T11:00:00+05:00'));
    await expect(reopen(quarter, deputy, 'Исправление отметки по заявлению родителя')).resolves.toEqual({ ...quarter, closed: false });
    await expect(closedInReadModel(quarter.id)).resolves.toBe(false);
    const allowed = writes(5);
    await expect(allowed.mark()).resolves.toMatchObject({ value: 5, lessonId: school.lessons.math });
    await expect(allowed.topic()).resolves.toMatchObject({ topic: 'Дроби, урок 5' });
    await expect(allowed.absence()).resolves.toMatchObject({ status: 'absent', reason: 'illness' });

    const { entries } = await logOf();
    const base = { schoolId: school.schoolId, yearId: school.year.id, periodId: quarter.id, periodNameRu: 'II четверть' };
    expect(entries.filter((entry) => entry.periodId === quarter.id)).toEqual([
      {
        ...base,
        id: expect.any(String),
        action: 'reopened',
        reason: 'Исправление отметки по заявлению родителя',
        actorId: (deputy as { personId: string }).personId,
        at: '2026-12-03T06:00:00.000Z',
      },
      {
        ...base,
        id: expect.any(String),
        action: 'closed',
        reason: 'Приказ № 45 об итогах II четверти',
        actorId: (deputy as { personId: string }).personId,
        at: TEST_NOW.toISOString(),
      },
    ]);
    clock.set(TEST_NOW);
  });

  it('R-CAL-1: planning’s own edits ask PeriodGuard: a date in a closed period is refused, other grades and breaks are open', async () => {
    const quarter = periodNamed('II четверть');
    const guard = serviceOf('planning').app.get(PeriodGuard);
    await close(quarter, deputy);
    await expect(guard.assertPeriodOpen(school.year.id, 5, '2026-12-03')).rejects.toMatchObject({
      code: ErrorCode.PeriodClosed,
      details: { periodId: quarter.id },
    });
    // Grade 10 is in its first half-year, which is open; 1 November falls between the first and second quarters.
    await expect(guard.assertPeriodOpen(school.year.id, 10, '2026-12-03')).resolves.toBeUndefined();
    await expect(guard.assertPeriodOpen(school.year.id, 5, '2026-11-01')).resolves.toBeUndefined();
    await reopen(quarter, deputy);
    await expect(guard.assertPeriodOpen(school.year.id, 5, '2026-12-03')).resolves.toBeUndefined();
  });

  it('R-CAL-1: the director closes too; only the deputy reopens; a teacher does neither; another school sees no period', async () => {
    const quarter = periodNamed('I четверть');
    const forbidden = { code: ErrorCode.Forbidden };
    await expect(close(quarter, teacher)).rejects.toMatchObject(forbidden);
    await expect(close(quarter, director, 'Итоги I четверти')).resolves.toMatchObject({ id: quarter.id, closed: true });
    await expect(reopen(quarter, director)).rejects.toMatchObject(forbidden);
    await expect(reopen(quarter, teacher)).rejects.toMatchObject(forbidden);

    const elsewhere = await loadJournalSchool(rpc, 'elsewhere');
    const notFound = { code: ErrorCode.NotFound, message: 'Период не найден' };
    await expect(reopen(quarter, elsewhere.actor('deputy'))).rejects.toMatchObject(notFound);
    await expect(
      rpc.call(PeriodsRpc.reopen, { schoolId: elsewhere.schoolId, periodId: quarter.id }, { actor: elsewhere.actor('deputy') }),
    ).rejects.toMatchObject(notFound);
    await expect(
      rpc.call(PeriodsRpc.log, { schoolId: school.schoolId, yearId: school.year.id }, { actor: elsewhere.actor('deputy') }),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });

    await expect(reopen(quarter, deputy)).resolves.toMatchObject({ id: quarter.id, closed: false });
    const { entries } = await logOf();
    expect(entries.filter((entry) => entry.periodId === quarter.id).map((entry) => [entry.action, entry.actorId, entry.reason])).toEqual([
      ['reopened', (deputy as { personId: string }).personId, null],
      ['closed', (director as { personId: string }).personId, 'Итоги I четверти'],
    ]);
  });

  it('closing a closed period or reopening an open one changes nothing, logs nothing and announces nothing', async () => {
    const halfYear = periodNamed('I полугодие');
    const announced = async () =>
      (await publishedEvents(serviceOf('planning').app.get(DataSource), deployment.nats, PlanningEvents.periodChanged)).filter(
        (event) => event.period.id === halfYear.id,
      );
    await expect(reopen(halfYear, deputy)).resolves.toEqual(halfYear);
    await close(halfYear, deputy);
    await expect(close(halfYear, director)).resolves.toEqual({ ...halfYear, closed: true });
    const { entries } = await logOf();
    expect(entries.filter((entry) => entry.periodId === halfYear.id)).toHaveLength(1);
    const events = await announced();
    expect(events).toEqual([{ period: { ...halfYear, closed: true }, entry: entries.find((entry) => entry.periodId === halfYear.id) }]);
    await reopen(halfYear, deputy);
  });

  it('R-CAL-2: a period is closed once it has begun in the school’s zone: at 00:30 in Yekaterinburg, not at 23:30 the day before', async () => {
    const quarter = periodNamed('III четверть');
    // 10 January 2027, 23:30 in Yekaterinburg (18:30 UTC): the quarter begins tomorrow.
    clock.set(new Date('2027-01-10T18:30:00Z'));
    await expect(close(quarter, deputy)).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      message: 'Период «III четверть» ещё не начался: закрыть можно только начавшийся период',
    });
    // 11 January, 00:30 in Yekaterinburg — still 10 January in UTC and in Moscow.
    clock.set(new Date('2027-01-10T19:30:00Z'));
    await expect(close(quarter, deputy)).resolves.toMatchObject({ id: quarter.id, closed: true });
    await reopen(quarter, deputy);
    clock.set(TEST_NOW);
  });
});
