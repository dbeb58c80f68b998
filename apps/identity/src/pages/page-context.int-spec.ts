import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Actor, ErrorCode, IdentityRpc, type PageContext, SYSTEM_SEED_ACTOR } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { identityServiceSpec } from '../identity.service-spec.js';
import { AS_SYSTEM, loadPeople, loadSchool, personActor, TIME_ZONE } from '../identity.test-kit.js';

describe('identity: the context of a page on a date', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let rpc: RpcClient;
  let schoolId: string;
  let otherSchoolId: string;
  let people: Record<
    | 'outgoing'
    | 'incoming'
    | 'classTeacher'
    | 'colleague'
    | 'deputy'
    | 'parent'
    | 'egorov'
    | 'yolkina'
    | 'zhukov'
    | 'abramova'
    | 'yakovlev',
    string
  >;
  let pageIds: Record<string, string>;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    rpc = identity.app.get(RpcClient);
    schoolId = await loadSchool(rpc, 'test:school:context');
    otherSchoolId = await loadSchool(rpc, 'test:school:context-2');
    people = await loadPeople(rpc, {
      outgoing: 'Кравцова Нина Ивановна',
      incoming: 'Фролов Игорь Петрович',
      classTeacher: 'Орлова Елена Сергеевна',
      colleague: 'Соколов Денис Павлович',
      deputy: 'Лебедева Ольга Николаевна',
      parent: 'Егорова Светлана Юрьевна',
      egorov: 'Егоров Антон Ильич',
      yolkina: 'Ёлкина Вера Павловна',
      zhukov: 'Жуков Борис Олегович',
      abramova: 'Абрамова Алла Сергеевна',
      yakovlev: 'Яковлев Юрий Денисович',
    });
    const classes = (
      await rpc.call(
        IdentityRpc.upsertClasses,
        {
          schoolId,
          classes: [
            {
              externalKey: 'test:class:5a',
              academicYear: '2026/2027',
              grade: 5,
              letter: 'А',
              classTeacherId: people.classTeacher,
            },
            { externalKey: 'test:class:5b', academicYear: '2026/2027', grade: 5, letter: 'Б', classTeacherId: null },
          ],
        },
        AS_SYSTEM,
      )
    ).ids;
    const fifthA = classes['test:class:5a']!;
    const fifthB = classes['test:class:5b']!;
    const groupId = (
      await rpc.call(
        IdentityRpc.upsertGroups,
        { groups: [{ externalKey: 'test:group:5a-en-1', classId: fifthA, subjectCode: 'english', name: '1 группа' }] },
        AS_SYSTEM,
      )
    ).ids['test:group:5a-en-1']!;
    await rpc.call(
      IdentityRpc.upsertEnrollments,
      {
        enrollments: [
          { studentId: people.zhukov, classId: fifthA, from: '2026-09-01', to: null },
          { studentId: people.yolkina, classId: fifthA, from: '2026-09-01', to: null },
          { studentId: people.egorov, classId: fifthA, from: '2026-09-01', to: null },
          // Yakovlev moves from 5А to 5Б, Abramova from 5Б to 5А, in the middle of the quarter.
          { studentId: people.yakovlev, classId: fifthA, from: '2026-09-01', to: '2026-11-15' },
          { studentId: people.yakovlev, classId: fifthB, from: '2026-11-16', to: null },
          { studentId: people.abramova, classId: fifthB, from: '2026-09-01', to: '2026-11-15' },
          { studentId: people.abramova, classId: fifthA, from: '2026-11-16', to: null },
        ],
      },
      AS_SYSTEM,
    );
    await rpc.call(
      IdentityRpc.upsertGroupMemberships,
      {
        memberships: [
          { studentId: people.egorov, groupId, from: '2026-09-01', to: null },
          { studentId: people.zhukov, groupId, from: '2026-09-01', to: '2026-10-31' },
          // In the group's list before she is in the class: she appears only once enrolled in 5А.
          { studentId: people.abramova, groupId, from: '2026-11-01', to: null },
        ],
      },
      AS_SYSTEM,
    );
    pageIds = (
      await rpc.call(
        IdentityRpc.upsertPages,
        {
          schoolId,
          pages: [
            {
              externalKey: 'test:page:5a-math',
              classId: fifthA,
              groupId: null,
              subjectCode: 'math',
              assignments: [
                { teacherId: people.outgoing, from: '2026-09-01', to: '2026-12-02' },
                { teacherId: people.incoming, from: '2026-12-03', to: null },
              ],
            },
            {
              externalKey: 'test:page:5b-math',
              classId: fifthB,
              groupId: null,
              subjectCode: 'math',
              assignments: [{ teacherId: people.incoming, from: '2026-09-01', to: null }],
            },
            {
              externalKey: 'test:page:5a-en-1',
              classId: fifthA,
              groupId,
              subjectCode: 'english',
              assignments: [{ teacherId: people.outgoing, from: '2026-09-01', to: null }],
            },
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

  const teacher = (personId: string) => personActor(personId, [{ role: 'teacher', schoolId }]);
  const contextOf = (page: string, date: string, actor: Actor): Promise<PageContext> =>
    rpc.call(IdentityRpc.pageContext, { pageId: pageIds[page]!, date }, { actor });
  const access = async (page: string, date: string, actor: Actor) => {
    const { writable, readable } = await contextOf(page, date, actor);
    return { writable, readable };
  };
  const studentsOn = async (page: string, date: string) =>
    (await contextOf(page, date, SYSTEM_SEED_ACTOR)).students.map((student) => student.lastName);

  it('R-ACC-3: a page handed over on a date: the old teacher writes up to that date, then only reads', async () => {
    const outgoing = teacher(people.outgoing);
    await expect(access('test:page:5a-math', '2026-09-01', outgoing)).resolves.toEqual({ writable: true, readable: true });
    await expect(access('test:page:5a-math', '2026-12-02', outgoing)).resolves.toEqual({ writable: true, readable: true });
    await expect(access('test:page:5a-math', '2026-12-03', outgoing)).resolves.toEqual({ writable: false, readable: true });
    await expect(access('test:page:5a-math', '2026-08-31', outgoing)).resolves.toEqual({ writable: false, readable: true });
  });

  it('R-ACC-3: the new teacher writes from the handover date on and reads the earlier lessons', async () => {
    const incoming = teacher(people.incoming);
    await expect(access('test:page:5a-math', '2026-12-02', incoming)).resolves.toEqual({ writable: false, readable: true });
    await expect(access('test:page:5a-math', '2026-12-03', incoming)).resolves.toEqual({ writable: true, readable: true });
    await expect(access('test:page:5a-math', '2027-05-31', incoming)).resolves.toEqual({ writable: true, readable: true });
  });

  it('R-ACC-3: the class teacher and the school management read the page but do not write on it', async () => {
    const readers = [
      teacher(people.classTeacher),
      personActor(people.deputy, [{ role: 'deputy', schoolId }]),
      personActor(people.deputy, [{ role: 'director', schoolId }]),
      personActor(people.deputy, [{ role: 'coordinator', schoolId }]),
    ];
    for (const actor of readers) {
      const context = await contextOf('test:page:5a-math', '2026-12-03', actor);
      expect({ writable: context.writable, readable: context.readable }).toEqual({ writable: false, readable: true });
      expect(context.students).toHaveLength(4);
    }
  });

  it('R-ACC-3: anyone else gets neither rights nor the list of students', async () => {
    const strangers = [
      teacher(people.colleague),
      // The class teacher of 5А has no rights on the page of 5Б.
      personActor(people.classTeacher, [{ role: 'teacher', schoolId }]),
      personActor(people.deputy, [{ role: 'deputy', schoolId: otherSchoolId }]),
      personActor(people.deputy, [{ role: 'sysadmin', schoolId }]),
      personActor(people.parent, [{ role: 'parent', schoolId }]),
      personActor(people.egorov, [{ role: 'student', schoolId }]),
    ];
    for (const actor of strangers) {
      const context = await contextOf('test:page:5b-math', '2026-12-03', actor);
      expect({ writable: context.writable, readable: context.readable, students: context.students }).toEqual({
        writable: false,
        readable: false,
        students: [],
      });
    }
  });

  it('the system writes and reads every page; the context carries the page and its school', async () => {
    const context = await contextOf('test:page:5a-en-1', '2026-12-03', SYSTEM_SEED_ACTOR);
    expect(context).toMatchObject({
      writable: true,
      readable: true,
      page: {
        id: pageIds['test:page:5a-en-1'],
        schoolId,
        className: '5А',
        grade: 5,
        subjectCode: 'english',
        groupName: '1 группа',
      },
      school: { id: schoolId, timeZone: TIME_ZONE, markScaleMin: 2, workKinds: [{ code: 'answer', weight: '1' }] },
    });
  });

  it('R-CAL-4: a class page lists the students enrolled on the date, in alphabetical order', async () => {
    await expect(studentsOn('test:page:5a-math', '2026-11-15')).resolves.toEqual(['Егоров', 'Ёлкина', 'Жуков', 'Яковлев']);
    await expect(studentsOn('test:page:5a-math', '2026-11-16')).resolves.toEqual(['Абрамова', 'Егоров', 'Ёлкина', 'Жуков']);
  });

  it('R-CAL-4: a student moved mid-period appears on the old class page before and on the new one after', async () => {
    await expect(studentsOn('test:page:5b-math', '2026-11-15')).resolves.toEqual(['Абрамова']);
    await expect(studentsOn('test:page:5b-math', '2026-11-16')).resolves.toEqual(['Яковлев']);
  });

  it('R-CAL-3: a group page lists the group members who are enrolled in the class on the date', async () => {
    await expect(studentsOn('test:page:5a-en-1', '2026-10-31')).resolves.toEqual(['Егоров', 'Жуков']);
    await expect(studentsOn('test:page:5a-en-1', '2026-11-10')).resolves.toEqual(['Егоров']);
    await expect(studentsOn('test:page:5a-en-1', '2026-11-16')).resolves.toEqual(['Абрамова', 'Егоров']);
  });

  it('students carry their full names', async () => {
    const { students } = await contextOf('test:page:5a-en-1', '2026-11-16', teacher(people.outgoing));
    expect(students).toEqual([
      { id: people.abramova, lastName: 'Абрамова', firstName: 'Алла', middleName: 'Сергеевна' },
      { id: people.egorov, lastName: 'Егоров', firstName: 'Антон', middleName: 'Ильич' },
    ]);
  });

  it('answers NOT_FOUND for a page that does not exist', async () => {
    await expect(
      rpc.call(
        IdentityRpc.pageContext,
        { pageId: '00000000-0000-4000-8000-000000000000', date: '2026-12-03' },
        { actor: SYSTEM_SEED_ACTOR },
      ),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});
