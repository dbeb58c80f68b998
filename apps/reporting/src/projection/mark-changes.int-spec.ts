import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IdentityEvents, JournalEvents, type Mark, ReportingRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, TEST_NOW, type TestDeployment } from '#testing';
import { reportingServiceSpec } from '../reporting.service-spec.js';
import { readModelSettled } from '../testing/read-model-settled.js';
import { SchoolFixture } from '../testing/school-fixture.js';
import { TestEventPublisher } from '../testing/test-event-publisher.js';

/** The read model follows the journal's changes of marks: the e-diary and the averages count what the journal holds. */
describe('reporting: changed and deleted marks (R-MARK-7)', () => {
  let deployment: TestDeployment;
  let reporting: RunningService;
  let rpc: RpcClient;
  let publisher: TestEventPublisher;
  const school = new SchoolFixture();
  const { marks, people } = school;
  const author = { at: TEST_NOW.toISOString(), actorId: people.teacher, late: true, reason: 'Ошибка при выставлении' };

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

  const changed = (mark: Mark, value: number, version: number): Mark => ({ ...mark, value, version });
  const mathOfIvanov = async () => {
    const diary = await rpc.call(ReportingRpc.diaryMarks, { studentId: people.ivanov, date: '2026-12-03' });
    return diary.subjects.find((subject) => subject.subjectCode === 'math');
  };
  const ivanovsWeek = async () => {
    const week = await rpc.call(ReportingRpc.diaryWeek, { studentId: people.ivanov, weekStart: '2026-11-30' });
    return week.days.flatMap((day) => day.lessons.flatMap((lesson) => lesson.marks));
  };

  it('R-MARK-7, R-MARK-5: a changed mark counts with its new value and shows the old one; a deleted mark leaves the diary and the average', async () => {
    expect((await mathOfIvanov())?.average).toEqual({ exact: '7/2', value: '3.50', proposed: 4 });
    await publisher.publish(JournalEvents.markChanged, {
      mark: changed(marks.ivanovMathDec02, 5, 2),
      previous: { value: 4, workKind: 'answer', comment: null, version: 1 },
      ...author,
    });
    await publisher.publish(JournalEvents.markDeleted, { mark: marks.ivanovMathNov30, version: 2, ...author });
    await readModelSettled(rpc);

    const math = await mathOfIvanov();
    expect(math?.marks).toEqual([expect.objectContaining({ markId: marks.ivanovMathDec02.id, value: 5, previousValue: 4, date: '2026-12-02' })]);
    expect(math?.average).toEqual({ exact: '5', value: '5.00', proposed: 5 });
    expect(await ivanovsWeek()).toEqual([expect.objectContaining({ markId: marks.ivanovMathDec02.id, value: 5, previousValue: 4 })]);
    const summary = await rpc.call(ReportingRpc.classSummary, { classId: school.class5a, date: '2026-12-03' });
    const ivanov = summary.students.find((student) => student.studentId === people.ivanov);
    expect(ivanov?.subjects.find((subject) => subject.subjectCode === 'math')).toMatchObject({ marksCount: 1, average: { exact: '5' } });
  });

  it('R-MARK-7: older events replayed later bring back neither the old value nor the deleted mark', async () => {
    await publisher.publish(JournalEvents.marksSaved, { marks: [marks.ivanovMathDec02, marks.ivanovMathNov30] });
    await publisher.publish(JournalEvents.markChanged, {
      mark: changed(marks.ivanovMathNov30, 4, 2),
      previous: { value: 3, workKind: 'answer', comment: null, version: 1 },
      ...author,
    });
    await readModelSettled(rpc);
    const math = await mathOfIvanov();
    expect(math?.marks.map((mark) => [mark.markId, mark.value])).toEqual([[marks.ivanovMathDec02.id, 5]]);
  });

  it('R-MARK-7: a change of kind or comment keeps the value shown as it was before the last change of value', async () => {
    await publisher.publish(JournalEvents.markChanged, {
      mark: { ...changed(marks.ivanovMathDec02, 5, 3), workKind: 'test' },
      previous: { value: 5, workKind: 'answer', comment: null, version: 2 },
      ...author,
    });
    await readModelSettled(rpc);
    expect((await mathOfIvanov())?.marks).toEqual([
      expect.objectContaining({ value: 5, previousValue: 4, workKind: 'test', workKindName: 'Контрольная работа' }),
    ]);
  });

  it('R-MARK-4: a new weight counts for every mark of its kind, also those entered before the change', async () => {
    const russianOfPetrova = async () =>
      (await rpc.call(ReportingRpc.diaryMarks, { studentId: people.petrova, date: '2026-12-03' })).subjects.find(
        (subject) => subject.subjectCode === 'russian',
      )?.average;
    expect(await russianOfPetrova()).toEqual({ exact: '4', value: '4.00', proposed: 4 });
    await publisher.publish(IdentityEvents.schoolSaved, {
      schoolId: school.schoolId,
      name: 'МБОУ «Тестовая СОШ № 7»',
      timeZone: 'Asia/Yekaterinburg',
      markScaleMin: 2,
      workKinds: [
        { code: 'answer', nameRu: 'Ответ на уроке', weight: '1' },
        { code: 'test', nameRu: 'Контрольная работа', weight: '3' },
      ],
    });
    await readModelSettled(rpc);
    // (5 × 3 + 2 × 1) / 4 = 17/4
    expect(await russianOfPetrova()).toEqual({ exact: '17/4', value: '4.25', proposed: 4 });
  });
});
