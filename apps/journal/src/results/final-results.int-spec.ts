import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  type Actor,
  ErrorCode,
  FinalResultsRpc,
  JournalRpc,
  MarksRpc,
  PeriodsRpc,
  ReportingRpc,
  ResultDeviationsRpc,
  type ResultTerm,
  type ResultValue,
  SYSTEM_SEED_ACTOR,
  type TermResultRow,
  type TermResults,
  personIdOf,
} from '#contracts';
import { OutboxRelay, type RunningService, RpcClient } from '#platform';
import { createTestDeployment, eventually, refusalOf, startTestService, TEST_NOW, type TestDeployment } from '#testing';
import { identityServiceSpec } from '../../../identity/src/identity.service-spec.js';
import { planningServiceSpec } from '../../../planning/src/planning.service-spec.js';
import { MovableClock } from '../../../planning/src/testing/journal-school.js';
import { reportingServiceSpec } from '../../../reporting/src/reporting.service-spec.js';
import { journalServiceSpec } from '../journal.service-spec.js';
import { loadResultsWorld, type ResultsWorld } from './final-results.test-kit.js';

type PageKey = keyof ResultsWorld['pages'];

/**
 * Period and year results with every service they need running for real (identity, planning, journal, reporting):
 * exact averages and proposals (R-MARK-5, R-MARK-6), the kinds of results (R-MARK-1), a transferred student's single
 * result (R-CAL-4), closed periods, versions and history (R-MARK-7), and what reports and the e-diary show.
 */
describe('journal: period and year results', () => {
  const clock = new MovableClock(TEST_NOW);
  let deployment: TestDeployment;
  const services = new Map<string, RunningService>();
  let rpc: RpcClient;
  let journalDb: DataSource;
  let world: ResultsWorld;
  let teacherA: Actor;
  let teacherB: Actor;
  let deputy: Actor;

  const quarter = (name: 'I четверть' | 'II четверть' | 'IV четверть') => world.periodNamed(name).id;
  const scope = (page: PageKey, term: ResultTerm, termId: string) => ({ pageId: world.pages[page], term, termId });
  const list = (actor: Actor, page: PageKey, termId = quarter('II четверть'), term: ResultTerm = 'period') =>
    rpc.call(FinalResultsRpc.list, scope(page, term, termId), { actor });
  const set = (
    actor: Actor,
    page: PageKey,
    studentId: string,
    value: ResultValue | null,
    options: { term?: ResultTerm; termId?: string; expectedVersion?: number; reason?: string } = {},
  ) =>
    rpc.call(
      FinalResultsRpc.set,
      {
        ...scope(page, options.term ?? 'period', options.termId ?? quarter('II четверть')),
        studentId,
        value,
        ...(options.expectedVersion === undefined ? {} : { expectedVersion: options.expectedVersion }),
        ...(options.reason ? { reason: options.reason } : {}),
      },
      { actor },
    );
  const rowOf = (results: TermResults, studentId: string): TermResultRow | undefined =>
    results.students.find((row) => row.student.id === studentId);
  const mark = (actor: Actor, page: PageKey, date: string, studentId: string, value: number, workKind = 'answer') =>
    rpc.call(JournalRpc.addMark, { lessonId: world.lessonOn(page, date), studentId, value, workKind }, { actor });

  /** Waits until every committed change has reached the read model. */
  async function settle(): Promise<void> {
    await Promise.all([...services.values()].map((service) => service.app.get(OutboxRelay).flush()));
    await eventually(async () => {
      const { backlog } = await rpc.call(ReportingRpc.backlog, {}, { actor: SYSTEM_SEED_ACTOR });
      if (backlog !== 0) throw new Error(`read model is ${backlog} events behind`);
    });
  }

  beforeAll(async () => {
    deployment = await createTestDeployment();
    for (const spec of [identityServiceSpec, planningServiceSpec, journalServiceSpec, reportingServiceSpec]) {
      services.set(spec.name, await startTestService(spec, deployment, clock));
    }
    const journal = services.get('journal')!;
    rpc = journal.app.get(RpcClient);
    journalDb = journal.app.get(DataSource);
    world = await loadResultsWorld(rpc);
    teacherA = world.actor('teacher', 'teacherA');
    teacherB = world.actor('teacher', 'teacherB');
    deputy = world.actor('deputy');
    const { orlova, yakovlev, zaitsev } = world.people;
    // Orlova: 3 and 4 in the II quarter (and a 5 in the I quarter). Yakovlev: a test 5 (counts twice) and a 3 in 6А,
    // then a 4 in 6Б after his transfer on 23 November. Zaitsev: a 2, then he leaves the school on 20 November.
    await mark(teacherA, 'math6a', '2026-10-05', orlova, 5);
    await mark(teacherA, 'math6a', '2026-11-09', orlova, 3);
    await mark(teacherA, 'math6a', '2026-11-12', orlova, 4);
    await mark(teacherA, 'math6a', '2026-11-09', zaitsev, 2);
    await mark(teacherA, 'math6a', '2026-11-16', yakovlev, 5, 'test');
    await mark(teacherA, 'math6a', '2026-11-19', yakovlev, 3);
    await mark(teacherB, 'math6b', '2026-11-24', yakovlev, 4);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...services.values()].map((service) => service.close()));
    await deployment?.dispose();
  });

  it('R-MARK-6: 3.5 proposes 4 — the page lists its students with the exact average and the proposal; no marks, no average (not 0)', async () => {
    const results = await list(teacherA, 'math6a');
    expect(results).toMatchObject({
      pageId: world.pages.math6a,
      className: '6А',
      subjectCode: 'math',
      subjectName: 'Математика',
      marked: true,
      scale: { min: 2, max: 5 },
      term: { kind: 'period', id: quarter('II четверть'), nameRu: 'II четверть', start: '2026-11-05', end: '2026-12-28', closed: false },
    });
    // Yakovlev is in 6Б at the quarter's end: his result is 6Б's, not 6А's (R-CAL-4).
    expect(results.students.map((row) => row.student.lastName)).toEqual(['Белова', 'Зайцев', 'Орлова']);
    expect(rowOf(results, world.people.orlova)).toMatchObject({
      counted: 2,
      average: { exact: '7/2', value: '3.50', proposed: 4 },
      result: null,
      deviates: false,
    });
    expect(rowOf(results, world.people.belova)).toMatchObject({ counted: 0, average: null, result: null, deviates: false });
    expect(rowOf(results, world.people.zaitsev)).toMatchObject({
      days: [{ pageId: world.pages.math6a, className: '6А', from: '2026-11-05', to: '2026-11-20' }],
      average: { exact: '2', value: '2.00', proposed: 2 },
    });
  });

  it('R-MARK-5: only the period\'s current marks count: a mark of another period and a deleted mark do not', async () => {
    const { orlova } = world.people;
    const wrong = await mark(teacherA, 'math6a', '2026-11-26', orlova, 2);
    expect(rowOf(await list(teacherA, 'math6a'), orlova)?.average).toEqual({ exact: '3', value: '3.00', proposed: 3 });
    await rpc.call(MarksRpc.delete, { lessonId: wrong.lessonId, markId: wrong.id, reason: 'Ошибка при выставлении' }, { actor: teacherA });
    expect(rowOf(await list(teacherA, 'math6a'), orlova)?.average).toEqual({ exact: '7/2', value: '3.50', proposed: 4 });
    expect(rowOf(await list(teacherA, 'math6a', quarter('I четверть')), orlova)?.average).toEqual({ exact: '5', value: '5.00', proposed: 5 });
  });

  it('R-CAL-4: a student transferred mid-period gets exactly one result, on the new class\'s page, proposed from the marks of both classes', async () => {
    const { yakovlev } = world.people;
    const inB = rowOf(await list(teacherB, 'math6b'), yakovlev)!;
    expect(inB.days).toEqual([
      { pageId: world.pages.math6a, classId: world.classes.a6, className: '6А', from: '2026-11-05', to: '2026-11-22' },
      { pageId: world.pages.math6b, classId: world.classes.b6, className: '6Б', from: '2026-11-23', to: '2026-12-28' },
    ]);
    // (5·2 + 3 + 4) / 4 = 17/4: the test counts twice, the marks of both classes count.
    expect(inB).toMatchObject({ counted: 3, average: { exact: '17/4', value: '4.25', proposed: 4 } });

    await expect(set(teacherA, 'math6a', yakovlev, 4)).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      message: 'Итоговую отметку ученика ставят в классе, где он числится в конце периода (6Б)',
      details: { ownerPageId: world.pages.math6b },
    });
    const saved = await set(teacherB, 'math6b', yakovlev, 4);
    expect(saved).toMatchObject({
      student: { id: yakovlev },
      average: { proposed: 4 },
      result: { term: 'period', value: 4, label: '4', version: 1, pageId: world.pages.math6b, setBy: world.people.teacherB },
      deviates: false,
    });
    const rows = await journalDb.query('SELECT page_id, value FROM final_result WHERE student_id = $1 AND term_id = $2', [
      yakovlev,
      quarter('II четверть'),
    ]);
    expect(rows).toEqual([{ page_id: world.pages.math6b, value: '4' }]);
  });

  it('R-CAL-4: a student who left the school before the period\'s end gets the result on the last class\'s page', async () => {
    const saved = await set(teacherA, 'math6a', world.people.zaitsev, 'not-attested');
    // н/а where the marks propose a 2: the deputy sees it.
    expect(saved).toMatchObject({ result: { value: 'not-attested', label: 'н/а' }, average: { proposed: 2 }, deviates: true });
  });

  it('R-MARK-6: a result that differs from the proposal is flagged for the deputy; reports and the e-diary show the final marks', async () => {
    const { orlova, yakovlev, zaitsev } = world.people;
    const saved = await set(teacherA, 'math6a', orlova, 5);
    expect(saved).toMatchObject({ result: { value: 5 }, average: { exact: '7/2', proposed: 4 }, deviates: true });
    await settle();

    const { deviations, term } = await rpc.call(
      ResultDeviationsRpc.ofSchool,
      { schoolId: world.schoolId, term: 'period', termId: quarter('II четверть') },
      { actor: deputy },
    );
    expect(term).toEqual({ kind: 'period', id: quarter('II четверть'), nameRu: 'II четверть' });
    expect(deviations.map((deviation) => [deviation.name.lastName, deviation.className, deviation.label, deviation.average?.proposed ?? null])).toEqual([
      ['Зайцев', '6А', 'н/а', 2],
      ['Орлова', '6А', '5', 4],
    ]);
    expect(deviations[1]).toMatchObject({
      studentId: orlova,
      subjectName: 'Математика',
      average: { exact: '7/2', value: '3.50', proposed: 4 },
      setBy: world.people.teacherA,
      setByName: { lastName: 'Смирнова', firstName: 'Ольга' },
    });

    // The same average and proposal everywhere, and the final marks in the class summary and the e-diary.
    const journalRow = rowOf(await list(teacherA, 'math6a'), orlova)!;
    const summaryA = await rpc.call(ReportingRpc.classSummary, { classId: world.classes.a6, date: '2026-12-03' }, { actor: deputy });
    const inSummary = summaryA.students.find((student) => student.studentId === orlova)!.subjects.find((subject) => subject.subjectCode === 'math');
    expect(inSummary).toEqual({
      subjectCode: 'math',
      marksCount: 2,
      average: journalRow.average,
      result: { value: 5, label: '5' },
      yearResult: null,
    });
    const diary = await rpc.call(ReportingRpc.diaryMarks, { studentId: orlova, date: '2026-12-03' }, { actor: deputy });
    expect(diary.subjects.find((subject) => subject.subjectCode === 'math')).toMatchObject({
      average: journalRow.average,
      result: { value: 5, label: '5' },
    });
    // Yakovlev's one result shows in both classes' summaries, with the average of all his marks.
    const yakovlevRow = rowOf(await list(teacherB, 'math6b'), yakovlev)!;
    for (const classId of [world.classes.a6, world.classes.b6]) {
      const summary = await rpc.call(ReportingRpc.classSummary, { classId, date: '2026-12-03' }, { actor: deputy });
      expect(summary.students.find((student) => student.studentId === yakovlev)?.subjects.find((subject) => subject.subjectCode === 'math')).toMatchObject({
        average: yakovlevRow.average,
        result: { value: 4, label: '4' },
      });
    }
    expect(summaryA.students.find((student) => student.studentId === zaitsev)?.subjects[0]).toMatchObject({ result: { value: 'not-attested', label: 'н/а' } });
  });

  it('R-MARK-1: н/а and осв. fit every subject, зачёт and незачёт only unmarked ones; a mark off the scale is refused', async () => {
    const { orlova, belova } = world.people;
    const orkse = await list(teacherA, 'orkse6a');
    expect(orkse).toMatchObject({ subjectName: 'Основы религиозных культур и светской этики', marked: false });
    await expect(set(teacherA, 'orkse6a', orlova, 'pass')).resolves.toMatchObject({ result: { value: 'pass', label: 'зачёт' }, deviates: false });
    await expect(set(teacherA, 'orkse6a', belova, 'fail')).resolves.toMatchObject({ result: { label: 'незачёт' }, deviates: false });
    await expect(set(teacherA, 'orkse6a', belova, 4)).rejects.toMatchObject({ code: ErrorCode.SubjectUnmarked });
    await expect(set(teacherA, 'math6a', belova, 'pass')).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    await expect(set(teacherA, 'math6a', belova, 1)).rejects.toMatchObject({ code: ErrorCode.MarkOutOfScale, details: { min: 2, max: 5 } });
    // Exempt, with no marks to propose anything: nothing to flag.
    await expect(set(teacherA, 'math6a', belova, 'exempt')).resolves.toMatchObject({ result: { label: 'осв.' }, average: null, deviates: false });
  });

  it('R-MARK-7: a stale version is refused with the current result; every change is kept with who, when, before, after and why', async () => {
    const { orlova } = world.people;
    const stale = await refusalOf(set(teacherA, 'math6a', orlova, 4, { expectedVersion: 0 }));
    expect(stale).toMatchObject({
      code: ErrorCode.VersionConflict,
      details: { current: { studentId: orlova, value: 5, version: 1 } },
    });
    const changed = await set(teacherA, 'math6a', orlova, 4, { expectedVersion: 1, reason: 'Исправлено после пересдачи' });
    expect(changed).toMatchObject({ result: { value: 4, version: 2 }, deviates: false });
    const cleared = await set(teacherA, 'math6a', orlova, null, { expectedVersion: 2 });
    expect(cleared.result).toMatchObject({ value: null, label: null, version: 3 });
    // The same value again changes nothing and records nothing.
    expect((await set(teacherA, 'math6a', orlova, null)).result).toMatchObject({ version: 3 });

    const { changes } = await rpc.call(FinalResultsRpc.history, scope('math6a', 'period', quarter('II четверть')), { actor: deputy });
    const hers = changes.filter((change) => change.studentId === orlova);
    expect(hers.map((change) => [change.action, change.oldValue?.value ?? null, change.newValue?.value ?? null, change.reason])).toEqual([
      ['created', null, 5, null],
      ['updated', 5, 4, 'Исправлено после пересдачи'],
      ['deleted', 4, null, null],
    ]);
    expect(hers[0]).toMatchObject({ actorId: world.people.teacherA, at: TEST_NOW.toISOString() });
    await expect(journalDb.query('DELETE FROM final_result_history')).rejects.toThrow(/append-only/);
  });

  it('R-ACC-3: the class teacher and the deputy read results but do not set them; a stranger is refused like a missing page', async () => {
    const classTeacher = world.actor('teacher', 'classTeacher');
    await expect(list(classTeacher, 'math6a')).resolves.toMatchObject({ pageId: world.pages.math6a });
    await expect(list(deputy, 'math6a')).resolves.toMatchObject({ pageId: world.pages.math6a });
    for (const reader of [classTeacher, deputy, teacherB]) {
      await expect(set(reader, 'math6a', world.people.belova, 5)).rejects.toMatchObject({ code: reader === teacherB ? ErrorCode.NotFound : ErrorCode.Forbidden });
    }
    const stranger = world.actor('teacher');
    const refused = await refusalOf(list(stranger, 'math6a'));
    const missing = await refusalOf(
      rpc.call(FinalResultsRpc.list, { pageId: '0e0e0e0e-0000-4000-8000-00000000dead', term: 'period', termId: quarter('II четверть') }, { actor: stranger }),
    );
    expect(refused).toEqual({ code: ErrorCode.NotFound, message: 'Страница журнала не найдена', details: undefined });
    expect(missing).toEqual(refused);
    await expect(list(teacherA, 'math6a', '0e0e0e0e-0000-4000-8000-00000000dead')).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'Учебный период не найден',
    });
  });

  it('R-MARK-2: no results are set in grade 1', async () => {
    await expect(set(teacherA, 'math1a', world.people.malysh, 5)).rejects.toMatchObject({ code: ErrorCode.MarksNotKeptInGrade1 });
  });

  it('PERIOD_CLOSED: a closed period refuses every result edit until the deputy reopens it', async () => {
    const { orlova } = world.people;
    const first = quarter('I четверть');
    await expect(set(teacherA, 'math6a', orlova, 5, { termId: first })).resolves.toMatchObject({ result: { version: 1 }, deviates: false });
    await rpc.call(PeriodsRpc.close, { schoolId: world.schoolId, periodId: first, reason: 'Приказ об итогах I четверти' }, { actor: deputy });
    for (const value of [4, null] as const) {
      await expect(set(teacherA, 'math6a', orlova, value, { termId: first })).rejects.toMatchObject({
        code: ErrorCode.PeriodClosed,
        message: 'Период «I четверть» закрыт: изменения не допускаются',
      });
    }
    await expect(list(teacherA, 'math6a', first)).resolves.toMatchObject({ term: { closed: true } });
    await rpc.call(PeriodsRpc.reopen, { schoolId: world.schoolId, periodId: first, reason: 'Исправление итоговой отметки' }, { actor: deputy });
    await expect(set(teacherA, 'math6a', orlova, 4, { termId: first })).resolves.toMatchObject({ result: { value: 4, version: 2 }, deviates: true });
  });

  it('R-MARK-6: year results come from the period results by the same rule: 4 and 5 give 4.5, which proposes 5; н/а is no zero', async () => {
    const { orlova, zaitsev, yakovlev } = world.people;
    const yearId = world.year.id;
    await set(teacherA, 'math6a', orlova, 5);
    const year = await list(teacherA, 'math6a', yearId, 'year');
    expect(year.term).toMatchObject({ kind: 'year', id: yearId, nameRu: '2026/2027 учебный год', start: '2026-09-01', end: '2027-05-31', closed: false });
    expect(rowOf(year, orlova)).toMatchObject({
      counted: 2,
      average: { exact: '9/2', value: '4.50', proposed: 5 },
      periodResults: [
        { nameRu: 'I четверть', value: 4, label: '4' },
        { nameRu: 'II четверть', value: 5, label: '5' },
        { nameRu: 'III четверть', value: null, label: null },
        { nameRu: 'IV четверть', value: null, label: null },
      ],
      result: null,
    });
    // Zaitsev's only period result is н/а: no proposal; Yakovlev's year result is 6Б's.
    expect(rowOf(year, zaitsev)).toMatchObject({ counted: 0, average: null });
    expect(rowOf(year, yakovlev)).toBeUndefined();
    expect(rowOf(await list(teacherB, 'math6b', yearId, 'year'), yakovlev)).toMatchObject({ average: { exact: '4', proposed: 4 } });

    const yearly = (value: ResultValue) => set(teacherA, 'math6a', orlova, value, { term: 'year', termId: yearId });
    await expect(yearly(4)).resolves.toMatchObject({ result: { term: 'year', value: 4 }, deviates: true });
    await settle();
    const { deviations } = await rpc.call(ResultDeviationsRpc.ofSchool, { schoolId: world.schoolId, term: 'year', termId: yearId }, { actor: deputy });
    expect(deviations).toEqual([expect.objectContaining({ studentId: orlova, label: '4', average: { exact: '9/2', value: '4.50', proposed: 5 } })]);
    const summary = await rpc.call(ReportingRpc.classSummary, { classId: world.classes.a6, date: '2026-12-03' }, { actor: deputy });
    expect(summary.students.find((student) => student.studentId === orlova)?.subjects.find((subject) => subject.subjectCode === 'math')).toMatchObject({
      result: { value: 5 },
      yearResult: { value: 4, label: '4' },
    });

    // Year results are final with the year's last period: closed, it refuses them until the deputy reopens it.
    const last = quarter('IV четверть');
    clock.set(new Date('2027-04-01T10:00:00+05:00'));
    try {
      await rpc.call(PeriodsRpc.close, { schoolId: world.schoolId, periodId: last }, { actor: deputy });
      await expect(yearly(5)).rejects.toMatchObject({ code: ErrorCode.PeriodClosed, message: 'Период «IV четверть» закрыт: изменения не допускаются' });
      await rpc.call(PeriodsRpc.reopen, { schoolId: world.schoolId, periodId: last }, { actor: deputy });
      await expect(yearly(5)).resolves.toMatchObject({ result: { value: 5, version: 2 }, deviates: false });
    } finally {
      clock.set(TEST_NOW);
    }
  });

  it('R-DATA-2: results set in another system load as set by their teacher, once, with their history; only the system loads them', async () => {
    const { belova } = world.people;
    const first = quarter('I четверть');
    const teacherId = personIdOf(teacherA);
    const row = {
      term: 'period' as const,
      termId: first,
      studentId: belova,
      subjectCode: 'math',
      pageId: world.pages.math6a,
      value: 'not-attested' as const,
      setBy: teacherId,
      setAt: '2026-10-26T10:00:00.000Z',
    };
    const load = (actor: Actor) => rpc.call(FinalResultsRpc.importResults, { schoolId: world.schoolId, results: [row, row] }, { actor });
    await expect(load(teacherA)).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(load(SYSTEM_SEED_ACTOR)).resolves.toEqual({ imported: 1, skipped: 1 });
    await expect(load(SYSTEM_SEED_ACTOR)).resolves.toEqual({ imported: 0, skipped: 2 });

    expect(rowOf(await list(teacherA, 'math6a', first), belova)?.result).toMatchObject({
      value: 'not-attested',
      label: 'н/а',
      version: 1,
      setBy: teacherId,
      setAt: '2026-10-26T10:00:00.000Z',
    });
    const { changes } = await rpc.call(FinalResultsRpc.history, scope('math6a', 'period', first), { actor: teacherA });
    expect(changes.filter((change) => change.studentId === belova)).toEqual([
      expect.objectContaining({ action: 'created', oldValue: null, newValue: expect.objectContaining({ value: 'not-attested' }) }),
    ]);
    await settle();
    const summary = await rpc.call(ReportingRpc.classSummary, { classId: world.classes.a6, date: '2026-10-26', periodId: first }, { actor: deputy });
    expect(summary.students.find((student) => student.studentId === belova)?.subjects.find((subject) => subject.subjectCode === 'math')).toMatchObject({
      result: { value: 'not-attested', label: 'н/а' },
    });
  });
});
