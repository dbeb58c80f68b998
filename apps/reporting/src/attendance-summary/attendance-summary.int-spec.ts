import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AttendanceEvents, AttendanceSummaryRpc, ErrorCode, type Lesson, PlanningEvents } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment } from '#testing';
import { randomUUID } from 'node:crypto';
import { reportingServiceSpec } from '../reporting.service-spec.js';
import { readModelSettled } from '../testing/read-model-settled.js';
import { SchoolFixture } from '../testing/school-fixture.js';
import { TestEventPublisher } from '../testing/test-event-publisher.js';

const counts = (
  lessons: number,
  absences: { illness?: number; excused?: number; unexcused?: number; unspecified?: number } = {},
  late = 0,
  share: string | null = null,
) => {
  const byReason = { illness: 0, excused: 0, unexcused: 0, unspecified: 0, ...absences };
  const absent = byReason.illness + byReason.excused + byReason.unexcused + byReason.unspecified;
  return { lessons, attended: lessons - absent, absences: absent, absencesByReason: byReason, late, share };
};

describe('reporting: attendance summaries (R-ATT-1)', () => {
  let deployment: TestDeployment;
  let reporting: RunningService;
  let rpc: RpcClient;
  let publisher: TestEventPublisher;
  const school = new SchoolFixture();
  const { people, lessons } = school;
  const secondQuarter = { id: school.periods.q2, nameRu: '2 четверть', start: '2026-11-05', end: '2026-12-28' };
  const extra = (date: string, status: Lesson['status']): Lesson => ({ ...lessons.math5aDec02, id: randomUUID(), date, status });
  const nextWeek = extra('2026-12-10', 'scheduled');
  const cancelled = extra('2026-12-01', 'cancelled');

  beforeAll(async () => {
    deployment = await createTestDeployment(['reporting']);
    reporting = await startTestService(reportingServiceSpec, deployment);
    rpc = reporting.app.get(RpcClient);
    publisher = await TestEventPublisher.connect(deployment.nats);
    await school.publish(publisher);
    await publisher.publish(PlanningEvents.lessonsScheduled, { yearId: school.yearId, lessons: [nextWeek, cancelled] });
    await publisher.publish(AttendanceEvents.entriesSaved, {
      entries: [
        school.attendance(lessons.math5aNov30, people.kuznetsova, 'absent', { reason: 'excused' }),
        school.attendance(lessons.russian5aDec02, people.kuznetsova, 'absent', { reason: 'unexcused' }),
        school.attendance(lessons.math5aDec02, people.kuznetsova, 'absent'),
        school.attendance(lessons.math5aNov23, people.petrova, 'absent', { reason: 'illness' }),
        // Marked present again: the tombstone counts for nothing.
        school.attendance(lessons.math5aNov30, people.ivanov, 'absent', { reason: 'unexcused' }),
        school.attendance(lessons.math5aNov30, people.ivanov, 'present', { version: 2 }),
        // In 5Б after his transfer: his own summary counts it, 5А's does not.
        school.attendance(lessons.math5bDec03, people.sidorov, 'absent', { reason: 'illness' }),
        // Lessons not held (not yet, cancelled) count for nothing, whatever was recorded.
        school.attendance(nextWeek, people.ivanov, 'absent'),
        school.attendance(cancelled, people.ivanov, 'absent'),
      ],
    });
    await readModelSettled(rpc);
  });

  afterAll(async () => {
    await publisher?.close();
    await reporting?.close();
    await deployment?.dispose();
  });

  it('R-ATT-1: a student\'s lessons held so far in the period, absences by reason, lates and the share attended', async () => {
    // Иванов: math 23 and 30 Nov, English 1 Dec (his group), Russian and math 2 Dec, math 3 Dec; ill on 3 Dec.
    await expect(rpc.call(AttendanceSummaryRpc.ofStudent, { studentId: people.ivanov, date: '2026-12-03' })).resolves.toEqual({
      studentId: people.ivanov,
      name: { lastName: 'Иванов', firstName: 'Иван', middleName: 'Петрович' },
      period: secondQuarter,
      heldUntil: '2026-12-03',
      totals: counts(6, { illness: 1 }, 0, '83.3'),
    });
    // Петрова: late on 3 Dec is attended.
    const petrova = await rpc.call(AttendanceSummaryRpc.ofStudent, { studentId: people.petrova, date: '2026-11-20' });
    expect(petrova.totals).toEqual(counts(5, { illness: 1 }, 1, '80.0'));
  });

  it('R-CAL-4: a transferred student\'s summary has their lessons in both classes', async () => {
    const sidorov = await rpc.call(AttendanceSummaryRpc.ofStudent, { studentId: people.sidorov, date: '2026-12-03' });
    expect(sidorov.totals).toEqual(counts(4, { illness: 1 }, 0, '75.0'));
  });

  it('R-ATT-1: the class summary counts each student over the class\'s lessons while in it; the class share is over all lessons together', async () => {
    const summary = await rpc.call(AttendanceSummaryRpc.ofClass, { classId: school.class5a, date: '2026-12-03' });
    expect(summary).toMatchObject({ classId: school.class5a, className: '5А', period: secondQuarter, heldUntil: '2026-12-03' });
    expect(summary.students.map((student) => [student.name.lastName, student.totals])).toEqual([
      ['Иванов', counts(6, { illness: 1 }, 0, '83.3')],
      // 2 of 5 attended: 40.0.
      ['Кузнецова', counts(5, { excused: 1, unexcused: 1, unspecified: 1 }, 0, '40.0')],
      ['Петрова', counts(5, { illness: 1 }, 1, '80.0')],
      // In 5А until 30 November: two lessons, both attended.
      ['Сидоров', counts(2, {}, 0, '100.0')],
    ]);
    // 18 lessons, 5 absences: 13/18 = 72.2 %, not the mean of the students' shares (75.8).
    expect(summary.totals).toEqual(counts(18, { illness: 2, excused: 1, unexcused: 1, unspecified: 1 }, 1, '72.2'));
  });

  it('R-ATT-1: a period chosen by id; a period not yet begun has no lessons and no share', async () => {
    const first = await rpc.call(AttendanceSummaryRpc.ofStudent, { studentId: people.ivanov, date: '2026-12-03', periodId: school.periods.q1 });
    expect(first).toMatchObject({ period: { id: school.periods.q1 }, heldUntil: '2026-10-24', totals: counts(1, {}, 0, '100.0') });
    const third = await rpc.call(AttendanceSummaryRpc.ofClass, { classId: school.class5a, date: '2026-12-03', periodId: school.periods.q3 });
    expect(third.totals).toEqual(counts(0));
    expect(third.students.map((student) => student.totals.share)).toEqual([null, null, null]);
  });

  it('a student or a class that is not there: NOT_FOUND', async () => {
    await expect(rpc.call(AttendanceSummaryRpc.ofStudent, { studentId: randomUUID(), date: '2026-12-03' })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    await expect(rpc.call(AttendanceSummaryRpc.ofClass, { classId: randomUUID(), date: '2026-12-03' })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
  });
});
