import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, ReportingRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment } from '#testing';
import { reportingServiceSpec } from '../reporting.service-spec.js';
import { readModelSettled } from '../testing/read-model-settled.js';
import { SchoolFixture } from '../testing/school-fixture.js';
import { TestEventPublisher } from '../testing/test-event-publisher.js';

describe('reporting: the class summary', () => {
  let deployment: TestDeployment;
  let reporting: RunningService;
  let rpc: RpcClient;
  let publisher: TestEventPublisher;
  const school = new SchoolFixture();
  const { people } = school;
  const secondQuarter = { id: school.periods.q2, nameRu: '2 четверть', start: '2026-11-05', end: '2026-12-28' };
  // No period or year results in these events: the summary shows none.
  const none = (subjectCode: string) => ({ subjectCode, marksCount: 0, average: null, result: null, yearResult: null });
  const cell = (subjectCode: string, marksCount: number, exact: string, value: string, proposed: number) => ({
    subjectCode,
    marksCount,
    average: { exact, value, proposed },
    result: null,
    yearResult: null,
  });

  beforeAll(async () => {
    deployment = await createTestDeployment(['reporting']);
    reporting = await startTestService(reportingServiceSpec, deployment);
    rpc = reporting.app.get(RpcClient);
    publisher = await TestEventPublisher.connect(deployment.nats);
    await school.publish(publisher);
    await readModelSettled(rpc);
  });

  afterAll(async () => {
    await publisher?.close();
    await reporting?.close();
    await deployment?.dispose();
  });

  it('R-MARK-5, R-MARK-6, R-MARK-4: exact averages and proposed marks of every student, by subject', async () => {
    const summary = await rpc.call(ReportingRpc.classSummary, { classId: school.class5a, date: '2026-12-03' });
    expect(summary).toEqual({
      classId: school.class5a,
      className: '5А',
      period: secondQuarter,
      subjects: [
        { code: 'english', nameRu: 'Английский язык' },
        { code: 'math', nameRu: 'Математика' },
        { code: 'russian', nameRu: 'Русский язык' },
      ],
      students: [
        {
          studentId: people.ivanov,
          name: { lastName: 'Иванов', firstName: 'Иван', middleName: 'Петрович' },
          // 3 and 4: exactly 7/2, shown 3.50, proposed 4 (half up).
          subjects: [none('english'), cell('math', 2, '7/2', '3.50', 4), none('russian')],
        },
        {
          studentId: people.kuznetsova,
          name: { lastName: 'Кузнецова', firstName: 'Мария', middleName: 'Олеговна' },
          subjects: [none('english'), none('math'), none('russian')],
        },
        {
          studentId: people.petrova,
          name: { lastName: 'Петрова', firstName: 'Анна', middleName: 'Сергеевна' },
          subjects: [
            none('english'),
            // 2 and 3: 2.5 proposes 3.
            cell('math', 2, '5/2', '2.50', 3),
            // A test (weight 2) of 5 and an answer of 2: (2·5 + 2) / 3 = 4, not 3.5.
            cell('russian', 2, '4', '4.00', 4),
          ],
        },
        {
          studentId: people.sidorov,
          name: { lastName: 'Сидоров', firstName: 'Пётр', middleName: null },
          // 5 in 5А (imported) and 4 in 5Б: both his (R-CAL-4).
          subjects: [none('english'), cell('math', 2, '9/2', '4.50', 5), none('russian')],
        },
      ],
    });
  });

  it('R-CAL-4: a student moved mid-period appears in both classes with all their own marks', async () => {
    const summary = await rpc.call(ReportingRpc.classSummary, { classId: school.class5b, date: '2026-12-03' });
    expect(summary).toEqual({
      classId: school.class5b,
      className: '5Б',
      period: secondQuarter,
      subjects: [{ code: 'math', nameRu: 'Математика' }],
      students: [
        {
          studentId: people.belov,
          name: { lastName: 'Белов', firstName: 'Олег', middleName: null },
          subjects: [cell('math', 1, '5', '5.00', 5)],
        },
        {
          studentId: people.sidorov,
          name: { lastName: 'Сидоров', firstName: 'Пётр', middleName: null },
          subjects: [cell('math', 2, '9/2', '4.50', 5)],
        },
      ],
    });
  });

  it('R-MARK-5: the diary and the summary show the same average for the same marks', async () => {
    const summary = await rpc.call(ReportingRpc.classSummary, { classId: school.class5a, date: '2026-12-03' });
    for (const student of summary.students) {
      const diary = await rpc.call(ReportingRpc.diaryMarks, {
        studentId: student.studentId,
        date: '2026-12-03',
        periodId: summary.period.id,
      });
      for (const cell of student.subjects.filter((subject) => subject.marksCount > 0)) {
        const inDiary = diary.subjects.find((subject) => subject.subjectCode === cell.subjectCode);
        expect({ count: inDiary?.marks.length, average: inDiary?.average }).toEqual({
          count: cell.marksCount,
          average: cell.average,
        });
      }
    }
  });

  it('R-CAL-4: a period chosen by id holds only the students enrolled during it', async () => {
    const summary = await rpc.call(ReportingRpc.classSummary, {
      classId: school.class5b,
      date: '2026-12-03',
      periodId: school.periods.q1,
    });
    expect(summary.period.id).toBe(school.periods.q1);
    expect(summary.students.map((student) => student.studentId)).toEqual([people.belov]);
  });

  it('answers NOT_FOUND for an unknown class and for a date with no period', async () => {
    await expect(
      rpc.call(ReportingRpc.classSummary, { classId: '00000000-0000-4000-8000-000000000000', date: '2026-12-03' }),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Класс не найден' });
    const beforeTheYear = { classId: school.class5a, date: '2026-08-20' };
    await expect(rpc.call(ReportingRpc.classSummary, beforeTheYear)).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});
