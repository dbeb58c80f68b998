import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AttendanceEvents, ErrorCode, type Lesson, PlanningEvents, ReportingRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment } from '#testing';
import { reportingServiceSpec } from '../reporting.service-spec.js';
import { readModelSettled } from '../testing/read-model-settled.js';
import { SchoolFixture } from '../testing/school-fixture.js';
import { TestEventPublisher } from '../testing/test-event-publisher.js';

describe('reporting: the e-diary', () => {
  let deployment: TestDeployment;
  let reporting: RunningService;
  let rpc: RpcClient;
  let publisher: TestEventPublisher;
  const school = new SchoolFixture();
  const { lessons, marks, people } = school;

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

  const lessonView = (lesson: Lesson, subjectName: string) => ({
    lessonId: lesson.id,
    lessonNumber: lesson.lessonNumber,
    startsAt: lesson.startsAt,
    endsAt: lesson.endsAt,
    subjectCode: lesson.subjectCode,
    subjectName,
    topic: null,
    homework: null,
    marks: [],
    attendance: null,
  });

  it('R-REP-4: the week shows each mark with its kind, the absence with its reason and the homework', async () => {
    const week = await rpc.call(ReportingRpc.diaryWeek, { studentId: people.ivanov, weekStart: '2026-12-02' });
    expect(week).toEqual({
      studentId: people.ivanov,
      student: { lastName: 'Иванов', firstName: 'Иван', middleName: 'Петрович' },
      weekStart: '2026-11-30',
      days: [
        {
          date: '2026-11-30',
          lessons: [
            {
              ...lessonView(lessons.math5aNov30, 'Математика'),
              topic: 'Обыкновенные дроби',
              marks: [
                {
                  markId: marks.ivanovMathNov30.id,
                  value: 3,
                  workKind: 'answer',
                  workKindName: 'Ответ на уроке',
                  enteredAt: '2026-11-30T04:00:00.000Z',
                },
              ],
            },
          ],
        },
        { date: '2026-12-01', lessons: [lessonView(lessons.english5aDec01, 'Английский язык')] },
        {
          date: '2026-12-02',
          lessons: [
            lessonView(lessons.russian5aDec02, 'Русский язык'),
            {
              ...lessonView(lessons.math5aDec02, 'Математика'),
              topic: 'Сложение дробей',
              homework: '№ 245, 246',
              marks: [
                {
                  markId: marks.ivanovMathDec02.id,
                  value: 4,
                  workKind: 'answer',
                  workKindName: 'Ответ на уроке',
                  enteredAt: '2026-12-02T05:00:00.000Z',
                },
              ],
            },
          ],
        },
        {
          date: '2026-12-03',
          lessons: [
            {
              ...lessonView(lessons.math5aDec03, 'Математика'),
              attendance: { status: 'absent', reason: 'illness', minutesLate: null },
            },
          ],
        },
      ],
    });
  });

  it('R-CAL-3: a lesson of a group page appears only for members of the group', async () => {
    const member = await rpc.call(ReportingRpc.diaryWeek, { studentId: people.ivanov, weekStart: '2026-11-30' });
    const other = await rpc.call(ReportingRpc.diaryWeek, { studentId: people.petrova, weekStart: '2026-11-30' });
    const lessonIds = (week: typeof member) => week.days.flatMap((day) => day.lessons.map((lesson) => lesson.lessonId));
    expect(lessonIds(member)).toContain(lessons.english5aDec01.id);
    expect(lessonIds(other)).not.toContain(lessons.english5aDec01.id);
    expect(other.days.map((day) => day.date)).toEqual(['2026-11-30', '2026-12-02', '2026-12-03']);
  });

  it('R-CAL-4: the diary of a transferred student follows the class of each date', async () => {
    const week = await rpc.call(ReportingRpc.diaryWeek, { studentId: people.sidorov, weekStart: '2026-11-30' });
    expect(
      week.days.map((day) => ({ date: day.date, lessons: day.lessons.map((lesson) => lesson.lessonId) })),
    ).toEqual([
      { date: '2026-11-30', lessons: [lessons.math5aNov30.id] },
      { date: '2026-12-01', lessons: [lessons.math5bDec01.id] },
      { date: '2026-12-03', lessons: [lessons.math5bDec03.id] },
    ]);
    expect(week.days[1]!.lessons[0]!.marks.map((mark) => mark.value)).toEqual([4]);
  });

  it('R-REP-4, R-MARK-5: marks by subject in the period of the date, with dates and exact averages', async () => {
    const diary = await rpc.call(ReportingRpc.diaryMarks, { studentId: people.ivanov, date: '2026-12-03' });
    expect(diary).toEqual({
      studentId: people.ivanov,
      period: { id: school.periods.q2, nameRu: '2 четверть', start: '2026-11-05', end: '2026-12-28' },
      subjects: [
        { subjectCode: 'english', subjectName: 'Английский язык', marks: [], average: null, result: null, yearResult: null },
        {
          subjectCode: 'math',
          subjectName: 'Математика',
          marks: [
            {
              markId: marks.ivanovMathNov30.id,
              value: 3,
              workKind: 'answer',
              workKindName: 'Ответ на уроке',
              enteredAt: '2026-11-30T04:00:00.000Z',
              date: '2026-11-30',
            },
            {
              markId: marks.ivanovMathDec02.id,
              value: 4,
              workKind: 'answer',
              workKindName: 'Ответ на уроке',
              enteredAt: '2026-12-02T05:00:00.000Z',
              date: '2026-12-02',
            },
          ],
          average: { exact: '7/2', value: '3.50', proposed: 4 },
          result: null,
          yearResult: null,
        },
        { subjectCode: 'russian', subjectName: 'Русский язык', marks: [], average: null, result: null, yearResult: null },
      ],
    });
  });

  it('R-CAL-1: in a break the diary shows the period that has just ended; a period may be chosen by id', async () => {
    const inBreak = await rpc.call(ReportingRpc.diaryMarks, { studentId: people.ivanov, date: '2026-11-01' });
    expect(inBreak.period.id).toBe(school.periods.q1);
    expect(inBreak.subjects).toEqual([
      expect.objectContaining({ subjectCode: 'math', average: { exact: '5', value: '5.00', proposed: 5 } }),
    ]);
    const chosen = await rpc.call(ReportingRpc.diaryMarks, {
      studentId: people.ivanov,
      date: '2026-12-03',
      periodId: school.periods.q1,
    });
    expect(chosen).toEqual(inBreak);
  });

  it('a period of another school is never answered for a student, even by id', async () => {
    const otherSchool = new SchoolFixture();
    await publisher.publish(PlanningEvents.yearSaved, otherSchool.year());
    await readModelSettled(rpc);
    await expect(
      rpc.call(ReportingRpc.diaryMarks, { studentId: people.ivanov, date: '2026-12-03', periodId: otherSchool.periods.q1 }),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('R-MARK-4: the weight of a kind counts in the diary average', async () => {
    const diary = await rpc.call(ReportingRpc.diaryMarks, { studentId: people.petrova, date: '2026-12-03' });
    const russian = diary.subjects.find((subject) => subject.subjectCode === 'russian');
    expect(russian?.marks.map((mark) => [mark.value, mark.workKindName])).toEqual([
      [5, 'Контрольная работа'],
      [2, 'Ответ на уроке'],
    ]);
    expect(russian?.average).toEqual({ exact: '4', value: '4.00', proposed: 4 });
  });

  it('R-ATT-1: lateness shows its minutes; marking the student present removes the entry', async () => {
    const lateness = async () => {
      const week = await rpc.call(ReportingRpc.diaryWeek, { studentId: people.petrova, weekStart: '2026-11-30' });
      return week.days.find((day) => day.date === '2026-12-03')?.lessons[0]?.attendance;
    };
    expect(await lateness()).toEqual({ status: 'late', reason: null, minutesLate: 10 });
    await publisher.publish(AttendanceEvents.entriesSaved, {
      entries: [school.attendance(lessons.math5aDec03, people.petrova, 'present', { version: 2 })],
    });
    await readModelSettled(rpc);
    expect(await lateness()).toBeNull();
  });

  it('answers NOT_FOUND for a student the read model does not know', async () => {
    const stranger = '00000000-0000-4000-8000-000000000000';
    const week = { studentId: stranger, weekStart: '2026-11-30' };
    await expect(rpc.call(ReportingRpc.diaryWeek, week)).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'Ученик не найден',
    });
    await expect(rpc.call(ReportingRpc.diaryMarks, { studentId: stranger, date: '2026-12-03' })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'Ученик не найден',
    });
  });
});
