import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ErrorCode, type FinalResult, FinalResultEvents, ReportingRpc, ResultDeviationsRpc, type ResultValue } from '#contracts';
import { resultLabel } from '#domain';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment } from '#testing';
import { reportingServiceSpec } from '../reporting.service-spec.js';
import { readModelSettled } from '../testing/read-model-settled.js';
import { SchoolFixture } from '../testing/school-fixture.js';
import { TestEventPublisher } from '../testing/test-event-publisher.js';

describe('reporting: period and year results from the journal\'s events', () => {
  let deployment: TestDeployment;
  let reporting: RunningService;
  let rpc: RpcClient;
  let publisher: TestEventPublisher;
  const school = new SchoolFixture();
  const { people, pages, periods } = school;
  const ids = { ivanovQ2: randomUUID(), petrovaQ2: randomUUID(), sidorovQ2: randomUUID(), ivanovQ1: randomUUID(), ivanovYear: randomUUID() };

  const result = (
    id: string,
    studentId: string,
    pageId: string,
    value: ResultValue | null,
    version: number,
    term: { term: 'period' | 'year'; termId: string } = { term: 'period', termId: periods.q2 },
  ): FinalResult => ({
    id,
    ...term,
    schoolId: school.schoolId,
    studentId,
    subjectCode: 'math',
    pageId,
    value,
    label: value === null ? null : resultLabel(value),
    version,
    setBy: people.teacher,
    setAt: '2026-12-03T05:00:00.000Z',
  });

  beforeAll(async () => {
    deployment = await createTestDeployment(['reporting']);
    reporting = await startTestService(reportingServiceSpec, deployment);
    rpc = reporting.app.get(RpcClient);
    publisher = await TestEventPublisher.connect(deployment.nats);
    await school.publish(publisher);
    // Иванов: 3 and 4 (proposes 4), set to 5; Петрова: 2 and 3 (proposes 3), осв.; Сидоров (moved to 5Б): 5 and 4
    // (proposes 5), set to 5 on 5Б's page. Иванов's first quarter 5, his year 4 (the periods propose 5).
    await publisher.publish(FinalResultEvents.resultsSaved, {
      results: [
        result(ids.ivanovQ2, people.ivanov, pages.math5a, 5, 2),
        result(ids.petrovaQ2, people.petrova, pages.math5a, 'exempt', 1),
        result(ids.sidorovQ2, people.sidorov, pages.math5b, 5, 1),
        result(ids.ivanovQ1, people.ivanov, pages.math5a, 5, 1, { term: 'period', termId: periods.q1 }),
        result(ids.ivanovYear, people.ivanov, pages.math5a, 4, 1, { term: 'year', termId: school.yearId }),
      ],
    });
    // A replay of Иванов's first version arrives late: it must not undo the second.
    await publisher.publish(FinalResultEvents.resultsSaved, { results: [result(ids.ivanovQ2, people.ivanov, pages.math5a, 3, 1)] });
    await readModelSettled(rpc);
  });

  afterAll(async () => {
    await publisher?.close();
    await reporting?.close();
    await deployment?.dispose();
  });

  it('R-REP-1: the class summary shows every student\'s period and year results; an older version replayed changes nothing', async () => {
    const summary = await rpc.call(ReportingRpc.classSummary, { classId: school.class5a, date: '2026-12-03' });
    const mathOf = (studentId: string) =>
      summary.students.find((student) => student.studentId === studentId)?.subjects.find((subject) => subject.subjectCode === 'math');
    expect(mathOf(people.ivanov)).toMatchObject({
      average: { exact: '7/2', value: '3.50', proposed: 4 },
      result: { value: 5, label: '5' },
      yearResult: { value: 4, label: '4' },
    });
    expect(mathOf(people.petrova)).toMatchObject({ result: { value: 'exempt', label: 'осв.' }, yearResult: null });
    expect(mathOf(people.sidorov)).toMatchObject({ average: { exact: '9/2', proposed: 5 }, result: { value: 5 } });
  });

  it('R-REP-4: the e-diary shows the final marks with the same average', async () => {
    const diary = await rpc.call(ReportingRpc.diaryMarks, { studentId: people.ivanov, date: '2026-12-03' });
    expect(diary.subjects.find((subject) => subject.subjectCode === 'math')).toMatchObject({
      average: { exact: '7/2', proposed: 4 },
      result: { value: 5, label: '5' },
      yearResult: { value: 4, label: '4' },
    });
    const first = await rpc.call(ReportingRpc.diaryMarks, { studentId: people.ivanov, date: '2026-12-03', periodId: periods.q1 });
    expect(first.subjects.find((subject) => subject.subjectCode === 'math')).toMatchObject({ result: { value: 5 }, yearResult: { value: 4 } });
  });

  it('R-MARK-6: the deputy\'s list has the results that differ from the proposal, with the proposal', async () => {
    const { deviations } = await rpc.call(ResultDeviationsRpc.ofSchool, { schoolId: school.schoolId, term: 'period', termId: periods.q2 });
    expect(deviations.map((deviation) => [deviation.name.lastName, deviation.className, deviation.label, deviation.average?.proposed])).toEqual([
      ['Иванов', '5А', '5', 4],
      ['Петрова', '5А', 'осв.', 3],
    ]);
    expect(deviations[0]).toMatchObject({ subjectName: 'Математика', setByName: { lastName: 'Смирнова' }, setAt: '2026-12-03T05:00:00.000Z' });
    const year = await rpc.call(ResultDeviationsRpc.ofSchool, { schoolId: school.schoolId, term: 'year', termId: school.yearId });
    expect(year).toMatchObject({
      term: { kind: 'year', id: school.yearId },
      deviations: [{ studentId: people.ivanov, label: '4', average: { exact: '5', proposed: 5 } }],
    });
  });

  it('a period or year of another school answers NOT_FOUND', async () => {
    await expect(
      rpc.call(ResultDeviationsRpc.ofSchool, { schoolId: randomUUID(), term: 'period', termId: periods.q2 }),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Учебный период не найден' });
    await expect(
      rpc.call(ResultDeviationsRpc.ofSchool, { schoolId: randomUUID(), term: 'year', termId: school.yearId }),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Учебный год не найден' });
  });
});
