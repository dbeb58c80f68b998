import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ErrorCode, IdentityEvents, JournalEvents, ReportingRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment } from '#testing';
import { reportingServiceSpec } from '../reporting.service-spec.js';
import { readModelSettled } from '../testing/read-model-settled.js';
import { SchoolFixture } from '../testing/school-fixture.js';
import { TestEventPublisher } from '../testing/test-event-publisher.js';

describe('reporting: the read model is built from events only', () => {
  let deployment: TestDeployment;
  let reporting: RunningService;
  let rpc: RpcClient;
  let publisher: TestEventPublisher;
  const school = new SchoolFixture();
  const { people, marks } = school;

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

  const answers = async () => ({
    summary5a: await rpc.call(ReportingRpc.classSummary, { classId: school.class5a, date: '2026-12-03' }),
    summary5b: await rpc.call(ReportingRpc.classSummary, { classId: school.class5b, date: '2026-12-03' }),
    weeks: await Promise.all(
      Object.values(people).map((studentId) =>
        rpc.call(ReportingRpc.diaryWeek, { studentId, weekStart: '2026-11-30' }).catch((error: unknown) => error),
      ),
    ),
    marks: await Promise.all(
      [people.ivanov, people.petrova, people.sidorov].map((studentId) =>
        rpc.call(ReportingRpc.diaryMarks, { studentId, date: '2026-12-03' }),
      ),
    ),
  });

  const mathOf = async (studentId: string) => {
    const diary = await rpc.call(ReportingRpc.diaryMarks, { studentId, date: '2026-12-03' });
    return diary.subjects.find((subject) => subject.subjectCode === 'math');
  };

  it('a replay of the same marks under a new event id changes nothing', async () => {
    const before = await answers();
    await publisher.publish(JournalEvents.marksSaved, { marks: school.enteredMarks() });
    await publisher.publish(JournalEvents.lessonsImported, school.importedLessons());
    await readModelSettled(rpc);
    expect(await answers()).toEqual(before);
  });

  it('R-MARK-7: a changed mark replaces its earlier version, which cannot come back by a replay', async () => {
    const corrected = { ...marks.ivanovMathNov30, value: 5, version: 2 };
    await publisher.publish(JournalEvents.marksSaved, { marks: [corrected] });
    await readModelSettled(rpc);
    const afterCorrection = await mathOf(people.ivanov);
    expect(afterCorrection?.marks.map((mark) => mark.value)).toEqual([5, 4]);
    expect(afterCorrection?.average).toEqual({ exact: '9/2', value: '4.50', proposed: 5 });

    await publisher.publish(JournalEvents.marksSaved, { marks: [marks.ivanovMathNov30] });
    await readModelSettled(rpc);
    expect(await mathOf(people.ivanov)).toEqual(afterCorrection);
  });

  it('rebuild drops the read model, replays the whole stream and gives identical answers', async () => {
    const before = await answers();
    await expect(rpc.call(ReportingRpc.rebuild, {}, { actor: SYSTEM_SEED_ACTOR })).resolves.toEqual({ ok: true });
    await readModelSettled(rpc);
    expect(await answers()).toEqual(before);
  });

  it('rebuild is for the system only', async () => {
    await expect(
      rpc.call(
        ReportingRpc.rebuild,
        {},
        { actor: { kind: 'person', accountId: people.parent, personId: people.parent, grants: [] } },
      ),
    ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(rpc.call(ReportingRpc.rebuild, {})).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
  });

  it('R-REP-4, R-CAL-3: an ended guardianship and a withdrawn group membership leave the read model too', async () => {
    const db = reporting.app.get(DataSource);
    const parentId = randomUUID();
    const membershipId = randomUUID();
    const groupId = randomUUID();
    await publisher.publish(IdentityEvents.guardianshipsSaved, { guardianships: [{ parentId, studentId: people.ivanov }] });
    await publisher.publish(IdentityEvents.groupMembershipsSaved, {
      memberships: [{ membershipId, studentId: people.ivanov, groupId, from: '2027-01-11', to: null }],
    });
    await readModelSettled(rpc);
    const count = async () => {
      const [row] = await db.query<Array<{ guardians: number; memberships: number }>>(
        `SELECT (SELECT count(*)::int FROM guardianship WHERE parent_id = $1) AS guardians,
                (SELECT count(*)::int FROM group_membership WHERE id = $2) AS memberships`,
        [parentId, membershipId],
      );
      return row;
    };
    expect(await count()).toEqual({ guardians: 1, memberships: 1 });

    await publisher.publish(IdentityEvents.guardianshipsEnded, { guardianships: [{ parentId, studentId: people.ivanov }] });
    await publisher.publish(IdentityEvents.groupMembershipsWithdrawn, { membershipIds: [membershipId] });
    await readModelSettled(rpc);
    expect(await count()).toEqual({ guardians: 0, memberships: 0 });
  });
});
