import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ErrorCode, IdentityEvents, IdentityRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { identityServiceSpec } from '../identity.service-spec.js';
import { AS_SYSTEM, loadPeople, loadSchool, outboxEvents } from '../identity.test-kit.js';

describe('identity: enrollments and group memberships', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let rpc: RpcClient;
  let dataSource: DataSource;
  let classId: string;
  let groupId: string;
  let students: Record<'first' | 'second', string>;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    rpc = identity.app.get(RpcClient);
    dataSource = identity.app.get(DataSource);
    const schoolId = await loadSchool(rpc, 'test:school:enrollments');
    students = await loadPeople(rpc, { first: 'Морозова Дарья Олеговна', second: 'Зайцев Глеб Романович' });
    const classes = await rpc.call(
      IdentityRpc.upsertClasses,
      {
        schoolId,
        classes: [{ externalKey: 'test:class:6a', academicYear: '2026/2027', grade: 6, letter: 'А', classTeacherId: null }],
      },
      AS_SYSTEM,
    );
    classId = classes.ids['test:class:6a']!;
    const groups = await rpc.call(
      IdentityRpc.upsertGroups,
      { groups: [{ externalKey: 'test:group:6a-it-1', classId, subjectCode: 'informatics', name: '1 группа' }] },
      AS_SYSTEM,
    );
    groupId = groups.ids['test:group:6a-it-1']!;
  });

  afterAll(async () => {
    await identity?.close();
    await deployment?.dispose();
  });

  it('R-CAL-4: enrollments load once by student, class and first date; a new last date is one more event', async () => {
    const enrollments = [
      { studentId: students.first, classId, from: '2026-09-01', to: null },
      { studentId: students.second, classId, from: '2026-09-01', to: null },
    ];
    await rpc.call(IdentityRpc.upsertEnrollments, { enrollments }, AS_SYSTEM);
    await rpc.call(IdentityRpc.upsertEnrollments, { enrollments }, AS_SYSTEM);
    const loaded = await outboxEvents(dataSource, IdentityEvents.enrollmentsSaved);
    expect(loaded).toHaveLength(1);
    expect(loaded[0]!.enrollments.map((enrollment) => enrollment.studentId)).toEqual([students.first, students.second]);

    await rpc.call(
      IdentityRpc.upsertEnrollments,
      { enrollments: [enrollments[0]!, { ...enrollments[1]!, to: '2026-11-15' }] },
      AS_SYSTEM,
    );
    const events = await outboxEvents(dataSource, IdentityEvents.enrollmentsSaved);
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual({
      enrollments: [
        {
          enrollmentId: loaded[0]!.enrollments[1]!.enrollmentId,
          studentId: students.second,
          classId,
          from: '2026-09-01',
          to: '2026-11-15',
        },
      ],
    });
  });

  it('R-CAL-3: group memberships load once; loading twice writes one event', async () => {
    const memberships = [{ studentId: students.first, groupId, from: '2026-09-01', to: null }];
    await rpc.call(IdentityRpc.upsertGroupMemberships, { memberships }, AS_SYSTEM);
    await rpc.call(IdentityRpc.upsertGroupMemberships, { memberships }, AS_SYSTEM);

    const events = await outboxEvents(dataSource, IdentityEvents.groupMembershipsSaved);
    expect(events).toHaveLength(1);
    expect(events[0]!.memberships).toEqual([
      { membershipId: expect.any(String), studentId: students.first, groupId, from: '2026-09-01', to: null },
    ]);
  });

  it('refuses a period that ends before it starts', async () => {
    await expect(
      rpc.call(
        IdentityRpc.upsertEnrollments,
        { enrollments: [{ studentId: students.first, classId, from: '2026-09-01', to: '2026-08-31' }] },
        AS_SYSTEM,
      ),
    ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('refuses an enrollment in a class that does not exist', async () => {
    await expect(
      rpc.call(
        IdentityRpc.upsertEnrollments,
        {
          enrollments: [
            { studentId: students.first, classId: '00000000-0000-4000-8000-000000000000', from: '2026-09-01', to: null },
          ],
        },
        AS_SYSTEM,
      ),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Класс не найден' });
  });
});
