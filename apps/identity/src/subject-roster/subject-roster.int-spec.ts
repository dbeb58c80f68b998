import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, IdentityRpc, SubjectRosterRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { identityServiceSpec } from '../identity.service-spec.js';
import { AS_SYSTEM, loadPeople, loadSchool, personActor } from '../identity.test-kit.js';

const QUARTER = { from: '2026-11-05', to: '2026-12-28' };

describe('identity: who a page\'s results are about (R-CAL-4)', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let rpc: RpcClient;
  let schoolId: string;
  let people: Record<'teacher' | 'stranger' | 'stays' | 'moves' | 'leaves' | 'grouped', string>;
  let pages: Record<'math5a' | 'math5b' | 'russian5a' | 'english5a1', string>;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    rpc = identity.app.get(RpcClient);
    schoolId = await loadSchool(rpc, 'test:school:subject-roster');
    people = await loadPeople(rpc, {
      teacher: 'Фролов Игорь Петрович',
      stranger: 'Соколов Денис Павлович',
      stays: 'Орлова Мария Игоревна',
      moves: 'Яковлев Юрий Денисович',
      leaves: 'Зайцев Пётр Ильич',
      grouped: 'Абрамова Алла Сергеевна',
    });
    await rpc.call(
      IdentityRpc.upsertAccounts,
      {
        accounts: [
          { externalKey: 'test:account:teacher', personId: people.teacher, subject: 'roster|teacher', grants: [{ role: 'teacher', schoolId }] },
        ],
      },
      AS_SYSTEM,
    );
    const { ids: classes } = await rpc.call(
      IdentityRpc.upsertClasses,
      {
        schoolId,
        classes: [
          { externalKey: 'test:class:5a', academicYear: '2026/2027', grade: 5, letter: 'А', classTeacherId: null },
          { externalKey: 'test:class:5b', academicYear: '2026/2027', grade: 5, letter: 'Б', classTeacherId: null },
        ],
      },
      AS_SYSTEM,
    );
    const fifthA = classes['test:class:5a']!;
    const fifthB = classes['test:class:5b']!;
    const { ids: groups } = await rpc.call(
      IdentityRpc.upsertGroups,
      { groups: [{ externalKey: 'test:group:5a-en-1', classId: fifthA, subjectCode: 'english', name: '1 группа' }] },
      AS_SYSTEM,
    );
    await rpc.call(
      IdentityRpc.upsertEnrollments,
      {
        enrollments: [
          { studentId: people.stays, classId: fifthA, from: '2026-09-01', to: null },
          { studentId: people.grouped, classId: fifthA, from: '2026-09-01', to: null },
          // Moves to 5Б on 1 December; leaves the school on 20 November.
          { studentId: people.moves, classId: fifthA, from: '2026-09-01', to: '2026-11-30' },
          { studentId: people.moves, classId: fifthB, from: '2026-12-01', to: null },
          { studentId: people.leaves, classId: fifthA, from: '2026-09-01', to: '2026-11-20' },
        ],
      },
      AS_SYSTEM,
    );
    await rpc.call(
      IdentityRpc.upsertGroupMemberships,
      { memberships: [{ studentId: people.grouped, groupId: groups['test:group:5a-en-1']!, from: '2026-11-16', to: null }] },
      AS_SYSTEM,
    );
    const page = (key: string, classId: string, subjectCode: string, groupId: string | null = null) => ({
      externalKey: key,
      classId,
      groupId,
      subjectCode,
      assignments: [{ teacherId: people.teacher, from: '2026-09-01', to: null }],
    });
    const { ids } = await rpc.call(
      IdentityRpc.upsertPages,
      {
        schoolId,
        pages: [
          page('test:page:math-5a', fifthA, 'math'),
          page('test:page:math-5b', fifthB, 'math'),
          page('test:page:russian-5a', fifthA, 'russian'),
          page('test:page:english-5a-1', fifthA, 'english', groups['test:group:5a-en-1']),
        ],
      },
      AS_SYSTEM,
    );
    pages = {
      math5a: ids['test:page:math-5a']!,
      math5b: ids['test:page:math-5b']!,
      russian5a: ids['test:page:russian-5a']!,
      english5a1: ids['test:page:english-5a-1']!,
    };
  }, 60_000);

  afterAll(async () => {
    await identity?.close();
    await deployment?.dispose();
  });

  it('R-CAL-4: everyone on the page during the quarter, with their days on every page of the subject', async () => {
    const roster = await rpc.call(SubjectRosterRpc.ofPage, { pageId: pages.math5a, ...QUARTER }, AS_SYSTEM);
    expect(roster.page).toMatchObject({ id: pages.math5a, className: '5А', subjectCode: 'math' });
    expect(roster.school).toMatchObject({ id: schoolId, markScaleMin: 2 });
    expect(new Set(roster.subjectPageIds)).toEqual(new Set([pages.math5a, pages.math5b]));
    const daysOf = (studentId: string) => roster.students.find((entry) => entry.student.id === studentId)?.days;
    expect(daysOf(people.moves)).toEqual([
      { pageId: pages.math5a, classId: expect.any(String), className: '5А', groupId: null, from: '2026-11-05', to: '2026-11-30' },
      { pageId: pages.math5b, classId: expect.any(String), className: '5Б', groupId: null, from: '2026-12-01', to: '2026-12-28' },
    ]);
    expect(daysOf(people.leaves)).toEqual([expect.objectContaining({ pageId: pages.math5a, from: '2026-11-05', to: '2026-11-20' })]);
    expect(daysOf(people.stays)).toEqual([expect.objectContaining({ pageId: pages.math5a, from: '2026-11-05', to: '2026-12-28' })]);
    // In the Russian class-list order.
    expect(roster.students.map((entry) => entry.student.lastName)).toEqual(['Абрамова', 'Зайцев', 'Орлова', 'Яковлев']);
  });

  it('R-CAL-4: the page of the class a student joined lists them too, with their earlier class', async () => {
    const roster = await rpc.call(SubjectRosterRpc.ofPage, { pageId: pages.math5b, ...QUARTER }, AS_SYSTEM);
    expect(roster.students.map((entry) => entry.student.id)).toEqual([people.moves]);
    expect(roster.students[0]!.days.map((days) => days.pageId)).toEqual([pages.math5a, pages.math5b]);
  });

  it('R-CAL-3: a group page has its members for the days they were in the group only', async () => {
    const roster = await rpc.call(SubjectRosterRpc.ofPage, { pageId: pages.english5a1, ...QUARTER }, AS_SYSTEM);
    expect(roster.students).toEqual([
      {
        student: expect.objectContaining({ id: people.grouped }),
        days: [expect.objectContaining({ pageId: pages.english5a1, from: '2026-11-16', to: '2026-12-28' })],
      },
    ]);
  });

  it('the page\'s teacher gets their facts with the roster; a stranger gets the facts and nobody\'s names', async () => {
    const teacher = personActor(people.teacher, [{ role: 'teacher', schoolId }]);
    const asTeacher = await rpc.call(SubjectRosterRpc.ofPage, { pageId: pages.math5a, ...QUARTER }, { actor: teacher });
    expect(asTeacher.facts.relations).toEqual(expect.arrayContaining(['page-teacher']));
    expect(asTeacher.students).toHaveLength(4);
    const stranger = personActor(people.stranger, [{ role: 'teacher', schoolId }]);
    const asStranger = await rpc.call(SubjectRosterRpc.ofPage, { pageId: pages.math5a, ...QUARTER }, { actor: stranger });
    expect(asStranger).toMatchObject({ students: [], subjectPageIds: [], facts: { exists: true, relations: [] } });
  });

  it('a page that does not exist is NOT_FOUND; a range ending before it starts is refused', async () => {
    await expect(
      rpc.call(SubjectRosterRpc.ofPage, { pageId: '0e0e0e0e-0000-4000-8000-00000000dead', ...QUARTER }, AS_SYSTEM),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
    await expect(
      rpc.call(SubjectRosterRpc.ofPage, { pageId: pages.math5a, from: '2026-12-28', to: '2026-11-05' }, AS_SYSTEM),
    ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });
});
