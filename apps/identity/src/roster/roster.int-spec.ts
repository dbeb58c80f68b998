import { describe, expect, it } from '@jest/globals';
import { type Actor, ErrorCode, IdentityEvents, IdentityRpc, RosterRpc } from '#contracts';
import { type PersonKey, useTeachingWorld } from '../assignments/teaching-world.test-kit.js';
import { AS_SYSTEM, outboxEvents } from '../identity.test-kit.js';

const YEAR = '2026/2027';

describe('identity: the roster kept by the school (R-CAL-3, R-CAL-4)', () => {
  const h = useTeachingWorld();
  const { as } = h;
  let class7a: string;
  const rosterOf = (classId: string, actor: Actor = as('deputy')) => h.rpc.call(RosterRpc.roster, { classId }, { actor });
  const rosterLog = (change: string) =>
    h.dataSource.query<Array<{ actor_id: string; class_id: string | null; person_id: string | null; details: Record<string, unknown> }>>(
      'SELECT actor_id, class_id, person_id, details FROM roster_log WHERE change = $1 ORDER BY id',
      [change],
    );

  it('R-CAL-3: the management creates a class with its class teacher; the same class twice is a CONFLICT', async () => {
    const created = await h.rpc.call(
      RosterRpc.createClass,
      { schoolId: h.world.schoolA, academicYear: YEAR, grade: 7, letter: 'а', classTeacherId: h.world.people.colleague },
      { actor: as('deputy') },
    );
    class7a = created.id;
    expect(created).toMatchObject({ schoolId: h.world.schoolA, name: '7А', classTeacherId: h.world.people.colleague, archived: false });
    await expect(outboxEvents(h.dataSource, IdentityEvents.classesSaved)).resolves.toContainEqual({
      classes: [{ classId: class7a, schoolId: h.world.schoolA, academicYear: YEAR, grade: 7, letter: 'А', classTeacherId: h.world.people.colleague }],
    });
    await expect(
      h.rpc.call(RosterRpc.createClass, { schoolId: h.world.schoolA, academicYear: YEAR, grade: 7, letter: 'А', classTeacherId: null }, { actor: as('director') }),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict, message: 'Класс 7А в 2026/2027 учебном году уже есть' });
    await expect(
      h.rpc.call(RosterRpc.createClass, { schoolId: h.world.schoolA, academicYear: YEAR, grade: 7, letter: 'Б', classTeacherId: h.world.people.parent }, { actor: as('deputy') }),
    ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    const plain = { schoolId: h.world.schoolA, academicYear: YEAR, grade: 7, letter: 'В', classTeacherId: null };
    await expect(h.rpc.call(RosterRpc.createClass, plain, { actor: as('classTeacher') })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(h.rpc.call(RosterRpc.createClass, plain, { actor: as('otherDeputy') })).rejects.toMatchObject({ code: ErrorCode.NotFound });
    const { classes } = await h.rpc.call(RosterRpc.classes, { schoolId: h.world.schoolA, academicYear: YEAR }, { actor: as('outgoing') });
    expect(classes.map((schoolClass) => schoolClass.name)).toEqual(['6А', '7А']);
  });

  it('R-CAL-3: groups of a class and who is in them from a date; the same members again change nothing', async () => {
    const group = await h.rpc.call(RosterRpc.createGroup, { classId: h.world.classA, subjectCode: 'english', name: 'Английский, 1 группа' }, { actor: as('coordinator') });
    await h.rpc.call(RosterRpc.setGroupMembers, { classId: h.world.classA, groupId: group.id, studentIds: [h.world.people.student], from: '2026-09-01' }, { actor: as('deputy') });
    const before = (await outboxEvents(h.dataSource, IdentityEvents.groupMembershipsSaved)).length;
    const roster = await h.rpc.call(
      RosterRpc.setGroupMembers,
      { classId: h.world.classA, groupId: group.id, studentIds: [h.world.people.student], from: '2026-10-01' },
      { actor: as('deputy') },
    );
    expect((await outboxEvents(h.dataSource, IdentityEvents.groupMembershipsSaved)).length).toBe(before);
    expect(roster.groups).toEqual([
      expect.objectContaining({ id: group.id, name: 'Английский, 1 группа', members: [expect.objectContaining({ from: '2026-09-01', to: null })] }),
    ]);
    // Only students enrolled in the class that day.
    await expect(
      h.rpc.call(RosterRpc.setGroupMembers, { classId: h.world.classA, groupId: group.id, studentIds: [h.world.people.otherStudent], from: '2026-10-01' }, { actor: as('deputy') }),
    ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed, details: { studentIds: [h.world.people.otherStudent] } });
    await expect(h.rpc.call(RosterRpc.updateGroup, { classId: h.world.classA, groupId: group.id, name: 'Английский (Смирнова)' }, { actor: as('deputy') })).resolves.toMatchObject({
      name: 'Английский (Смирнова)',
    });
    // A group of another class is not found through this one.
    await expect(h.rpc.call(RosterRpc.updateGroup, { classId: class7a, groupId: group.id, name: 'x' }, { actor: as('deputy') })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'Группа не найдена',
    });
  });

  it('R-CAL-4: a student is enrolled from a date; enrolling again changes nothing; a second class at the same time is refused', async () => {
    const enrolled = await h.rpc.call(
      RosterRpc.enroll,
      { classId: h.world.classA, newStudent: { lastName: 'Васильева', firstName: 'Дарья' }, from: '2026-11-02' },
      { actor: as('deputy') },
    );
    expect(enrolled).toMatchObject({ classId: h.world.classA, from: '2026-11-02', to: null });
    await expect(h.rpc.call(RosterRpc.enroll, { classId: h.world.classA, studentId: enrolled.studentId, from: '2026-11-10' }, { actor: as('director') })).resolves.toEqual(enrolled);
    await expect(h.rpc.call(RosterRpc.enroll, { classId: class7a, studentId: enrolled.studentId, from: '2026-12-01' }, { actor: as('deputy') })).rejects.toMatchObject({
      code: ErrorCode.Conflict,
    });
    expect((await rosterLog('enrolled')).at(-1)).toMatchObject({ actor_id: h.world.people.deputy, class_id: h.world.classA, person_id: enrolled.studentId });
  });

  it('R-CAL-4: a transfer in the middle of a period ends the old enrollment and its groups the day before and starts the new one, in one step', async () => {
    const enrollmentsBefore = (await outboxEvents(h.dataSource, IdentityEvents.enrollmentsSaved)).length;
    const { ended, started } = await h.rpc.call(
      RosterRpc.transfer,
      { studentId: h.world.people.student, toClassId: class7a, date: '2026-11-20' },
      { actor: as('deputy') },
    );
    expect(ended).toMatchObject({ classId: h.world.classA, from: '2026-09-01', to: '2026-11-19' });
    expect(started).toMatchObject({ classId: class7a, from: '2026-11-20', to: null });
    const events = (await outboxEvents(h.dataSource, IdentityEvents.enrollmentsSaved)).slice(enrollmentsBefore);
    expect(events).toEqual([
      {
        enrollments: expect.arrayContaining([
          expect.objectContaining({ enrollmentId: ended!.id, to: '2026-11-19' }),
          expect.objectContaining({ enrollmentId: started.id, classId: class7a, from: '2026-11-20' }),
        ]),
      },
    ]);
    const roster = await rosterOf(h.world.classA);
    expect(roster.groups[0]!.members).toEqual([expect.objectContaining({ from: '2026-09-01', to: '2026-11-19' })]);
    // The class teacher of the student is the one of the class on that day.
    const factsOn = (person: PersonKey, date: string) =>
      h.rpc.call(IdentityRpc.accessFacts, { resource: { type: 'student', id: h.world.people.student, date } }, { actor: as(person) });
    await expect(factsOn('classTeacher', '2026-11-19')).resolves.toMatchObject({ relations: ['class-teacher'] });
    await expect(factsOn('classTeacher', '2026-11-20')).resolves.toMatchObject({ relations: [] });
    await expect(factsOn('colleague', '2026-11-20')).resolves.toMatchObject({ relations: ['class-teacher'] });
    // Repeated, the transfer changes nothing.
    await expect(
      h.rpc.call(RosterRpc.transfer, { studentId: h.world.people.student, toClassId: class7a, date: '2026-11-20' }, { actor: as('director') }),
    ).resolves.toEqual({ ended: { ...ended, to: '2026-11-19' }, started });
    expect((await rosterLog('transferred')).at(-1)).toMatchObject({
      actor_id: h.world.people.deputy,
      person_id: h.world.people.student,
      details: expect.objectContaining({ date: '2026-11-20', from: { classId: h.world.classA, name: '6А' }, to: { classId: class7a, name: '7А' } }),
    });
  });

  it('R-CAL-4: a transfer needs the management of both classes; a class teacher sees the student but may not move them', async () => {
    const transfer = (actor: Actor) => h.rpc.call(RosterRpc.transfer, { studentId: h.world.people.student, toClassId: h.world.classB, date: '2026-12-01' }, { actor });
    await expect(transfer(as('deputy'))).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Класс не найден' });
    await expect(transfer(as('colleague'))).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(transfer(as('otherDeputy'))).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Ученик не найден' });
  });

  it('archiving a class keeps its history and takes no new students; a class with students cannot be archived', async () => {
    await expect(h.rpc.call(RosterRpc.archiveClass, { classId: class7a }, { actor: as('deputy') })).rejects.toMatchObject({ code: ErrorCode.Conflict });
    const roster6a = await rosterOf(h.world.classA);
    const newcomer = roster6a.enrollments.find((enrollment) => enrollment.student.lastName === 'Васильева')!;
    await h.rpc.call(RosterRpc.endEnrollment, { classId: h.world.classA, enrollmentId: newcomer.id, to: '2026-11-30' }, { actor: as('deputy') });
    // 6А's last students have left or moved on: the class is archived, its roster still reads.
    await expect(h.rpc.call(RosterRpc.archiveClass, { classId: h.world.classA }, { actor: as('deputy') })).resolves.toMatchObject({ archived: true });
    const archived = await rosterOf(h.world.classA, as('classTeacher'));
    expect(archived.class.archived).toBe(true);
    expect(archived.enrollments.map((enrollment) => [enrollment.student.lastName, enrollment.from, enrollment.to])).toEqual([
      ['Васильева', '2026-11-02', '2026-11-30'],
      ['Егоров', '2026-09-01', '2026-11-19'],
    ]);
    await expect(h.rpc.call(RosterRpc.enroll, { classId: h.world.classA, studentId: newcomer.student.id, from: '2026-12-10' }, { actor: as('deputy') })).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      message: 'Класс в архиве: его состав не меняется',
    });
    await expect(h.rpc.call(RosterRpc.classes, { schoolId: h.world.schoolA }, { actor: as('deputy') })).resolves.toMatchObject({
      classes: [expect.objectContaining({ id: class7a })],
    });
    await expect(h.rpc.call(RosterRpc.classes, { schoolId: h.world.schoolA, includeArchived: true }, { actor: as('deputy') })).resolves.toMatchObject({
      classes: [expect.objectContaining({ id: h.world.classA, archived: true }), expect.objectContaining({ id: class7a })],
    });
    // The page of the archived class and its group are where they were.
    const [pages] = await h.dataSource.query<Array<{ count: number }>>('SELECT count(*)::int AS count FROM page WHERE class_id = $1', [h.world.classA]);
    expect(pages!.count).toBe(2);
  });

  it('archiving a student: only one enrolled nowhere; nothing of theirs is deleted, and they are enrolled no more', async () => {
    const roster6a = await rosterOf(h.world.classA);
    const leaver = roster6a.enrollments.find((enrollment) => enrollment.student.lastName === 'Васильева')!.student.id;
    await expect(h.rpc.call(RosterRpc.archiveStudent, { studentId: h.world.people.student }, { actor: as('deputy') })).rejects.toMatchObject({
      code: ErrorCode.Conflict,
    });
    await h.rpc.call(RosterRpc.addGuardian, { studentId: leaver, parentId: h.world.people.parent }, { actor: as('deputy') });
    await expect(h.rpc.call(RosterRpc.archiveStudent, { studentId: leaver }, { actor: as('director') })).resolves.toEqual({ studentId: leaver, archived: true });
    await expect(h.rpc.call(RosterRpc.archiveStudent, { studentId: leaver }, { actor: as('director') })).resolves.toEqual({ studentId: leaver, archived: true });
    await expect(h.rpc.call(RosterRpc.enroll, { classId: class7a, studentId: leaver, from: '2026-12-10' }, { actor: as('deputy') })).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      message: 'Ученик в архиве: его больше не зачисляют',
    });
    const [kept] = await h.dataSource.query<Array<{ enrollments: number; guardians: number }>>(
      `SELECT (SELECT count(*)::int FROM enrollment WHERE student_id = $1) AS enrollments,
              (SELECT count(*)::int FROM guardianship WHERE student_id = $1) AS guardians`,
      [leaver],
    );
    expect(kept).toEqual({ enrollments: 1, guardians: 1 });
    // Their parent still reads their diary of the days they were at school.
    await expect(
      h.rpc.call(IdentityRpc.studentAccess, { studentId: leaver, date: '2026-11-10' }, { actor: as('parent') }),
    ).resolves.toMatchObject({ student: { id: leaver, className: '6А' } });
    expect((await rosterLog('student-archived')).map((row) => row.person_id)).toEqual([leaver]);
  });

  it('R-REP-4: a parent may have children in several schools; each school\'s management keeps its students\' guardians', async () => {
    const addInB = (actor: Actor) => h.rpc.call(RosterRpc.addGuardian, { studentId: h.world.people.otherStudent, parentId: h.world.people.parent }, { actor });
    await expect(addInB(as('deputy'))).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'Человек не найден' });
    await expect(addInB(as('otherDeputy'))).resolves.toEqual({ parentIds: [h.world.people.parent] });
    const children = () => h.rpc.call(IdentityRpc.childrenOfParent, { parentId: h.world.people.parent }, { actor: as('parent') });
    expect((await children()).children.map((child) => [child.lastName, child.schoolId])).toEqual([
      ['Васильева', null],
      ['Егоров', h.world.schoolA],
      ['Жуков', h.world.schoolB],
    ]);
    await expect(
      h.rpc.call(RosterRpc.endGuardianship, { studentId: h.world.people.otherStudent, parentId: h.world.people.parent }, { actor: as('otherDeputy') }),
    ).resolves.toEqual({ parentIds: [] });
    expect((await children()).children.map((child) => child.lastName)).toEqual(['Васильева', 'Егоров']);
    await expect(
      h.rpc.call(IdentityRpc.studentAccess, { studentId: h.world.people.otherStudent, date: '2026-12-01' }, { actor: as('parent') }),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
    expect((await rosterLog('guardianship-ended')).at(-1)).toMatchObject({
      actor_id: h.world.people.otherDeputy,
      person_id: h.world.people.otherStudent,
      details: { parentId: h.world.people.parent },
    });
  });

  it('a roster request: the class teacher submits a change of their own class, the deputy applies it with the same command', async () => {
    const move = await h.rpc.call(
      RosterRpc.submitRequest,
      { classId: class7a, change: { kind: 'correct-name', personId: h.world.people.student, name: { lastName: 'Егоров', firstName: 'Антоний', middleName: 'Ильич' } }, comment: 'Опечатка в имени' },
      { actor: as('colleague') },
    );
    expect(move).toMatchObject({ status: 'pending', submittedBy: h.world.people.colleague, classId: class7a, schoolId: h.world.schoolA, comment: 'Опечатка в имени' });
    await expect(h.rpc.call(RosterRpc.schoolRequests, { schoolId: h.world.schoolA, status: 'pending' }, { actor: as('deputy') })).resolves.toEqual({
      requests: [move],
    });
    await expect(h.rpc.call(RosterRpc.applyRequest, { classId: class7a, requestId: move.id }, { actor: as('colleague') })).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
    const applied = await h.rpc.call(RosterRpc.applyRequest, { classId: class7a, requestId: move.id }, { actor: as('deputy') });
    expect(applied).toMatchObject({ status: 'applied', decidedBy: h.world.people.deputy });
    await expect(outboxEvents(h.dataSource, IdentityEvents.peopleSaved)).resolves.toContainEqual({
      people: [{ personId: h.world.people.student, lastName: 'Егоров', firstName: 'Антоний', middleName: 'Ильич' }],
    });
    await expect(h.rpc.call(RosterRpc.applyRequest, { classId: class7a, requestId: move.id }, { actor: as('director') })).resolves.toEqual(applied);
    await expect(
      h.rpc.call(RosterRpc.rejectRequest, { classId: class7a, requestId: move.id, reason: 'Поздно' }, { actor: as('deputy') }),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict });
    expect((await rosterLog('request-applied')).at(-1)).toMatchObject({ actor_id: h.world.people.deputy, class_id: class7a });
  });

  it('a roster request to leave is rejected with a reason; a rejected request is never applied', async () => {
    const leave = await h.rpc.call(
      RosterRpc.submitRequest,
      { classId: class7a, change: { kind: 'leave', studentId: h.world.people.student, lastDay: '2026-12-25' } },
      { actor: as('colleague') },
    );
    const rejected = await h.rpc.call(RosterRpc.rejectRequest, { classId: class7a, requestId: leave.id, reason: 'Нет приказа об отчислении' }, { actor: as('coordinator') });
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'Нет приказа об отчислении', decidedBy: h.world.people.coordinator });
    await expect(h.rpc.call(RosterRpc.applyRequest, { classId: class7a, requestId: leave.id }, { actor: as('deputy') })).rejects.toMatchObject({
      code: ErrorCode.Conflict,
    });
    const roster = await rosterOf(class7a);
    expect(roster.enrollments.find((enrollment) => enrollment.student.id === h.world.people.student)).toMatchObject({ to: null });
    await expect(h.rpc.call(RosterRpc.classRequests, { classId: class7a }, { actor: as('colleague') })).resolves.toMatchObject({
      requests: [expect.objectContaining({ status: 'applied' }), expect.objectContaining({ id: leave.id, status: 'rejected' })],
    });
  });

  it('a class teacher submits requests for their own class only: another class of the school or of another school is not there for them', async () => {
    const change = { kind: 'leave' as const, studentId: h.world.people.student, lastDay: '2026-12-25' };
    await expect(h.rpc.call(RosterRpc.submitRequest, { classId: class7a, change }, { actor: as('classTeacher') })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'Класс не найден',
    });
    await expect(h.rpc.call(RosterRpc.submitRequest, { classId: h.world.classB, change }, { actor: as('colleague') })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'Класс не найден',
    });
    // The management applies changes directly rather than asking itself.
    await expect(h.rpc.call(RosterRpc.submitRequest, { classId: class7a, change }, { actor: as('deputy') })).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
    // A request names a student of the class.
    await expect(
      h.rpc.call(RosterRpc.submitRequest, { classId: class7a, change: { ...change, studentId: h.world.people.otherStudent } }, { actor: as('colleague') }),
    ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('a roster request to transfer, applied by the deputy, moves the student exactly like a direct transfer (R-CAL-4)', async () => {
    const class8 = await h.rpc.call(RosterRpc.createClass, { schoolId: h.world.schoolA, academicYear: YEAR, grade: 8, letter: 'А', classTeacherId: null }, AS_SYSTEM);
    const request = await h.rpc.call(
      RosterRpc.submitRequest,
      { classId: class7a, change: { kind: 'transfer', studentId: h.world.people.student, toClassId: class8.id, date: '2026-12-07' } },
      { actor: as('colleague') },
    );
    await h.rpc.call(RosterRpc.applyRequest, { classId: class7a, requestId: request.id }, { actor: as('deputy') });
    const roster = await rosterOf(class8.id);
    expect(roster.enrollments).toEqual([expect.objectContaining({ student: expect.objectContaining({ id: h.world.people.student }), from: '2026-12-07', to: null })]);
    expect((await rosterOf(class7a)).enrollments.find((enrollment) => enrollment.student.id === h.world.people.student)).toMatchObject({
      from: '2026-11-20',
      to: '2026-12-06',
    });
  });
});
