import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ErrorCode, IdentityEvents, IdentityRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { identityServiceSpec } from '../identity.service-spec.js';
import { AS_SYSTEM, loadPeople, loadSchool, outboxEvents } from '../identity.test-kit.js';

describe('identity: loading pages and the pages of a teacher', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let rpc: RpcClient;
  let dataSource: DataSource;
  let schoolId: string;
  let otherSchoolId: string;
  let teachers: Record<'kravtsova' | 'frolov', string>;
  let classIds: Record<string, string>;
  let groupIds: Record<string, string>;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    rpc = identity.app.get(RpcClient);
    dataSource = identity.app.get(DataSource);
    schoolId = await loadSchool(rpc, 'test:school:pages');
    otherSchoolId = await loadSchool(rpc, 'test:school:pages-2');
    teachers = await loadPeople(rpc, { kravtsova: 'Кравцова Нина Ивановна', frolov: 'Фролов Игорь Петрович' });
    classIds = (
      await rpc.call(
        IdentityRpc.upsertClasses,
        {
          schoolId,
          classes: [
            { externalKey: 'test:class:8a', academicYear: '2026/2027', grade: 8, letter: 'А', classTeacherId: null },
            { externalKey: 'test:class:8b', academicYear: '2026/2027', grade: 8, letter: 'Б', classTeacherId: null },
          ],
        },
        AS_SYSTEM,
      )
    ).ids;
    groupIds = (
      await rpc.call(
        IdentityRpc.upsertGroups,
        {
          groups: [
            { externalKey: 'test:group:8a-en-1', classId: classIds['test:class:8a']!, subjectCode: 'english', name: '1 группа' },
          ],
        },
        AS_SYSTEM,
      )
    ).ids;
  });

  afterAll(async () => {
    await identity?.close();
    await deployment?.dispose();
  });

  const pagesOf = () => [
    {
      externalKey: 'test:page:8a-math',
      classId: classIds['test:class:8a']!,
      groupId: null,
      subjectCode: 'math',
      assignments: [{ teacherId: teachers.kravtsova, from: '2026-09-01', to: null }],
    },
    {
      externalKey: 'test:page:8a-en-1',
      classId: classIds['test:class:8a']!,
      groupId: groupIds['test:group:8a-en-1']!,
      subjectCode: 'english',
      assignments: [{ teacherId: teachers.kravtsova, from: '2026-09-01', to: null }],
    },
  ];

  it('R-ACC-3: pages load once: loading twice gives the same ids and one event with the assignments', async () => {
    const first = await rpc.call(IdentityRpc.upsertPages, { schoolId, pages: pagesOf() }, AS_SYSTEM);
    const second = await rpc.call(IdentityRpc.upsertPages, { schoolId, pages: pagesOf() }, AS_SYSTEM);

    expect(second.ids).toEqual(first.ids);
    const events = await outboxEvents(dataSource, IdentityEvents.pagesSaved);
    expect(events).toHaveLength(1);
    expect(events[0]!.pages).toEqual([
      {
        pageId: first.ids['test:page:8a-math'],
        schoolId,
        classId: classIds['test:class:8a'],
        groupId: null,
        subjectCode: 'math',
        assignments: [{ teacherId: teachers.kravtsova, from: '2026-09-01', to: null }],
      },
      expect.objectContaining({ pageId: first.ids['test:page:8a-en-1'], groupId: groupIds['test:group:8a-en-1'] }),
    ]);
  });

  it('R-ACC-3: loading a page again replaces its assignments, with one event for that page only', async () => {
    const [math, english] = pagesOf();
    const handedOver = {
      ...math!,
      assignments: [
        { teacherId: teachers.frolov, from: '2026-12-03', to: null },
        { teacherId: teachers.kravtsova, from: '2026-09-01', to: '2026-12-02' },
      ],
    };
    const { ids } = await rpc.call(IdentityRpc.upsertPages, { schoolId, pages: [handedOver, english!] }, AS_SYSTEM);

    const events = await outboxEvents(dataSource, IdentityEvents.pagesSaved);
    expect(events).toHaveLength(2);
    expect(events[1]!.pages).toEqual([
      expect.objectContaining({
        pageId: ids['test:page:8a-math'],
        assignments: [
          { teacherId: teachers.kravtsova, from: '2026-09-01', to: '2026-12-02' },
          { teacherId: teachers.frolov, from: '2026-12-03', to: null },
        ],
      }),
    ]);
  });

  it('R-ACC-3: pagesOfTeacher lists the pages assigned to the teacher on the date, both ends included', async () => {
    const namesOn = async (teacherId: string, date: string) =>
      (await rpc.call(IdentityRpc.pagesOfTeacher, { teacherId, date })).pages.map(
        (page) => `${page.className} ${page.subjectCode}${page.groupName ? ` (${page.groupName})` : ''}`,
      );

    await expect(namesOn(teachers.kravtsova, '2026-12-02')).resolves.toEqual(['8А english (1 группа)', '8А math']);
    await expect(namesOn(teachers.kravtsova, '2026-12-03')).resolves.toEqual(['8А english (1 группа)']);
    await expect(namesOn(teachers.kravtsova, '2026-08-31')).resolves.toEqual([]);
    await expect(namesOn(teachers.frolov, '2026-12-02')).resolves.toEqual([]);
    await expect(namesOn(teachers.frolov, '2026-12-03')).resolves.toEqual(['8А math']);

    const [page] = (await rpc.call(IdentityRpc.pagesOfTeacher, { teacherId: teachers.frolov, date: '2026-12-03' }))
      .pages;
    expect(page).toEqual({
      id: expect.any(String),
      schoolId,
      classId: classIds['test:class:8a'],
      className: '8А',
      grade: 8,
      academicYear: '2026/2027',
      subjectCode: 'math',
      groupId: null,
      groupName: null,
      assignments: [
        { teacherId: teachers.kravtsova, from: '2026-09-01', to: '2026-12-02' },
        { teacherId: teachers.frolov, from: '2026-12-03', to: null },
      ],
    });
  });

  it('R-CAL-3: refuses a page whose group belongs to another class', async () => {
    const [, english] = pagesOf();
    await expect(
      rpc.call(
        IdentityRpc.upsertPages,
        { schoolId, pages: [{ ...english!, externalKey: 'test:page:8b-en', classId: classIds['test:class:8b']! }] },
        AS_SYSTEM,
      ),
    ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed, message: 'Группа относится к другому классу' });
  });

  it('refuses a page of a class of another school', async () => {
    const [math] = pagesOf();
    await expect(
      rpc.call(IdentityRpc.upsertPages, { schoolId: otherSchoolId, pages: [math!] }, AS_SYSTEM),
    ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed, message: 'Класс относится к другой школе' });
  });
});
