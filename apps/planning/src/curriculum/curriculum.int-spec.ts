import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { type Actor, CurriculumRpc, ErrorCode, JournalRpc, PlanningEvents, PlanningRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, TEST_NOW, type TestDeployment } from '#testing';
import { identityServiceSpec } from '../../../identity/src/identity.service-spec.js';
import { journalServiceSpec } from '../../../journal/src/journal.service-spec.js';
import { planningServiceSpec } from '../planning.service-spec.js';
import { type JournalSchool, loadJournalSchool } from '../testing/journal-school.js';
import { publishedEvents } from '../testing/published-events.js';

const personOf = (actor: Actor) => (actor as { personId: string }).personId;

describe('planning: the school curriculum, from the federal plan to the school’s own', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let planning: RunningService;
  let journal: RunningService;
  let rpc: RpcClient;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity', 'planning', 'journal']);
    identity = await startTestService(identityServiceSpec, deployment);
    planning = await startTestService(planningServiceSpec, deployment);
    journal = await startTestService(journalServiceSpec, deployment);
    rpc = planning.app.get(RpcClient);
  }, 60_000);

  afterAll(async () => {
    await journal?.close();
    await planning?.close();
    await identity?.close();
    await deployment?.dispose();
  });

  const yearOf = (school: JournalSchool) => ({ schoolId: school.schoolId, yearId: school.year.id });
  const linesOf = async (school: JournalSchool, grade: number, actor: Actor) =>
    Object.fromEntries(
      (await rpc.call(CurriculumRpc.get, { ...yearOf(school), grade }, { actor })).lines.map((line) => [line.subjectCode, line]),
    );

  it('R-CAL-3, R-MARK-1: initialised from the federal plan in force for 2026/27; a second run adds nothing', async () => {
    const school = await loadJournalSchool(rpc, 'federal');
    const deputy = school.actor('deputy');
    const first = await rpc.call(CurriculumRpc.initialize, yearOf(school), { actor: deputy });
    expect(first.added).toBe(first.lines.length);
    expect(new Set(first.lines.map((line) => line.grade))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));

    const grade5 = await linesOf(school, 5, school.actor('teacher'));
    // History rose to 3 h in grades 5–8 from 2025/26; ОДНКНР left the plan.
    expect(grade5.history).toMatchObject({ hoursPerWeek: 3, studyWeeks: 34, annualHours: 102, source: 'federal' });
    expect(grade5.mathematics).toMatchObject({ nameRu: 'Математика', hoursPerWeek: 5, annualHours: 170, marked: true, split: false });
    expect(grade5['foreign-language']).toMatchObject({ split: true, marked: true });
    expect(grade5).not.toHaveProperty('odnknr');
    expect(grade5).not.toHaveProperty('social-studies');
    expect((await linesOf(school, 4, deputy)).orkse).toMatchObject({ nameRu: 'Основы религиозных культур и светской этики', marked: false });
    expect((await linesOf(school, 1, deputy)).russian).toMatchObject({ hoursPerWeek: 5, studyWeeks: 33, annualHours: 165 });
    expect((await linesOf(school, 9, deputy))['social-studies']).toMatchObject({ hoursPerWeek: 1 });

    const { subjects } = await rpc.call(PlanningRpc.listSubjects, { schoolId: school.schoolId });
    expect(subjects.find((subject) => subject.code === 'orkse')).toMatchObject({ marked: false });
    // The school's own names stay: the subjects it had are not renamed by the federal plan.
    expect(subjects.find((subject) => subject.code === 'mathematics')).toMatchObject({ nameRu: 'Математика' });

    const logged = (await rpc.call(CurriculumRpc.log, yearOf(school), { actor: deputy })).changes;
    expect(logged).toHaveLength(first.lines.length);
    expect(logged[0]).toMatchObject({ action: 'created', oldValue: null, actorId: personOf(deputy), at: TEST_NOW.toISOString() });

    const second = await rpc.call(CurriculumRpc.initialize, yearOf(school), { actor: deputy });
    expect(second).toEqual({ ...first, added: 0 });
    expect((await rpc.call(CurriculumRpc.log, yearOf(school), { actor: deputy })).changes).toHaveLength(logged.length);
  });

  it('edits are logged with who, when, the old and the new values; the same values again change nothing', async () => {
    const school = await loadJournalSchool(rpc, 'edits');
    const deputy = school.actor('deputy');
    const director = school.actor('director');
    await rpc.call(CurriculumRpc.initialize, { ...yearOf(school), grades: [5] }, { actor: SYSTEM_SEED_ACTOR });
    const line = { ...yearOf(school), grade: 5, subjectCode: 'mathematics' };

    const changed = await rpc.call(CurriculumRpc.setLine, { ...line, hoursPerWeek: 6, reason: 'Часть, формируемая участниками' }, { actor: deputy });
    expect(changed).toMatchObject({ hoursPerWeek: 6, studyWeeks: 34, annualHours: 204, source: 'federal' });
    await rpc.call(CurriculumRpc.setLine, { ...line, hoursPerWeek: 6 }, { actor: director });
    await expect(rpc.call(CurriculumRpc.annualHours, { yearId: school.year.id, grade: 5, subjectCode: 'mathematics' })).resolves.toEqual({
      yearId: school.year.id,
      grade: 5,
      subjectCode: 'mathematics',
      hoursPerWeek: 6,
      studyWeeks: 34,
      annualHours: 204,
    });

    // A subject new to the school: its name is needed, and its weekly hours; half hours are allowed.
    const robotics = { ...yearOf(school), grade: 5, subjectCode: 'robotics' };
    await expect(rpc.call(CurriculumRpc.setLine, { ...robotics, hoursPerWeek: 1 }, { actor: director })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: 'Предмета robotics в школе ещё нет: укажите его название',
    });
    await expect(rpc.call(CurriculumRpc.setLine, { ...robotics, nameRu: 'Робототехника' }, { actor: director })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: 'Для нового предмета параллели укажите часы в неделю',
    });
    const added = await rpc.call(
      CurriculumRpc.setLine,
      { ...robotics, nameRu: 'Робототехника', hoursPerWeek: 0.5, split: true, marked: false },
      { actor: director },
    );
    expect(added).toMatchObject({ nameRu: 'Робототехника', hoursPerWeek: 0.5, studyWeeks: 34, annualHours: 17, split: true, marked: false, source: 'school' });
    await expect(rpc.call(CurriculumRpc.setLine, { ...robotics, hoursPerWeek: 0.3 }, { actor: director })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });

    const { changes } = await rpc.call(CurriculumRpc.log, yearOf(school), { actor: school.actor('coordinator') });
    const values = { nameRu: 'Математика', studyWeeks: 34, split: false, marked: true };
    expect(changes.slice(0, 2)).toEqual([
      {
        id: expect.any(String),
        yearId: school.year.id,
        grade: 5,
        subjectCode: 'robotics',
        action: 'created',
        oldValue: null,
        newValue: { nameRu: 'Робототехника', hoursPerWeek: 0.5, studyWeeks: 34, split: true, marked: false },
        actorId: personOf(director),
        at: TEST_NOW.toISOString(),
        reason: null,
      },
      {
        id: expect.any(String),
        yearId: school.year.id,
        grade: 5,
        subjectCode: 'mathematics',
        action: 'updated',
        oldValue: { ...values, hoursPerWeek: 5 },
        newValue: { ...values, hoursPerWeek: 6 },
        actorId: personOf(deputy),
        at: TEST_NOW.toISOString(),
        reason: 'Часть, формируемая участниками',
      },
    ]);

    const announced = (await publishedEvents(planning.app.get(DataSource), deployment.nats, PlanningEvents.curriculumSaved))
      .filter((event) => event.yearId === school.year.id)
      .map((event) => event.lines.map((saved) => `${saved.subjectCode}:${saved.hoursPerWeek}`));
    expect(announced.slice(-2)).toEqual([['mathematics:6'], ['robotics:0.5']]);

    // A new name renames the school's subject; the line's log keeps the old name.
    const renamed = await rpc.call(CurriculumRpc.setLine, { ...robotics, nameRu: 'Робототехника и конструирование' }, { actor: deputy });
    expect(renamed).toMatchObject({ nameRu: 'Робототехника и конструирование', hoursPerWeek: 0.5 });
    const [latest] = (await rpc.call(CurriculumRpc.log, yearOf(school), { actor: deputy })).changes;
    expect(latest).toMatchObject({
      subjectCode: 'robotics',
      action: 'updated',
      oldValue: { nameRu: 'Робототехника' },
      newValue: { nameRu: 'Робототехника и конструирование' },
    });
    const { subjects } = await rpc.call(PlanningRpc.listSubjects, { schoolId: school.schoolId });
    expect(subjects.find((subject) => subject.code === 'robotics')).toMatchObject({ nameRu: 'Робототехника и конструирование', marked: false });
  });

  it('only the deputy and the director change the plan; teachers read it; another school sees nothing of it', async () => {
    const school = await loadJournalSchool(rpc, 'access');
    const line = { ...yearOf(school), grade: 5, subjectCode: 'music', hoursPerWeek: 2 };
    for (const role of ['teacher', 'coordinator', 'sysadmin'] as const) {
      await expect(rpc.call(CurriculumRpc.setLine, line, { actor: school.actor(role) })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
      await expect(rpc.call(CurriculumRpc.initialize, yearOf(school), { actor: school.actor(role) })).rejects.toMatchObject({
        code: ErrorCode.Forbidden,
      });
    }
    await expect(rpc.call(CurriculumRpc.log, yearOf(school), { actor: school.actor('teacher') })).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
    await expect(rpc.call(CurriculumRpc.get, yearOf(school), { actor: school.actor('teacher') })).resolves.toMatchObject({ lines: [] });

    const elsewhere = await loadJournalSchool(rpc, 'access-elsewhere');
    const notFound = { code: ErrorCode.NotFound, message: 'Учебный год не найден' };
    await expect(rpc.call(CurriculumRpc.setLine, line, { actor: elsewhere.actor('deputy') })).rejects.toMatchObject(notFound);
    await expect(rpc.call(CurriculumRpc.get, { schoolId: elsewhere.schoolId, yearId: school.year.id }, { actor: elsewhere.actor('deputy') })).rejects.toMatchObject(
      notFound,
    );
    await expect(rpc.call(CurriculumRpc.annualHours, { yearId: school.year.id, grade: 5, subjectCode: 'music' })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
  });

  it('R-MARK-1: a subject the plan keeps without marks in a grade refuses numeric marks; marked again, it takes them', async () => {
    const school = await loadJournalSchool(rpc, 'unmarked');
    const deputy = school.actor('deputy');
    const music = { ...yearOf(school), grade: 5, subjectCode: 'music' };
    await rpc.call(CurriculumRpc.initialize, { ...yearOf(school), grades: [5] }, { actor: deputy });
    await rpc.call(CurriculumRpc.setLine, { ...music, marked: false, reason: 'Решение педсовета: музыка без отметок' }, { actor: deputy });

    const addMark = () =>
      rpc.call(
        JournalRpc.addMark,
        { lessonId: school.lessons.music, studentId: school.studentId, value: 5, workKind: 'answer' },
        { actor: school.actor('teacher') },
      );
    await expect(addMark()).rejects.toMatchObject({
      code: ErrorCode.SubjectUnmarked,
      message: 'Предмет «Музыка» безотметочный: отметки не ставятся',
    });
    await expect(rpc.call(PlanningRpc.getLesson, { lessonId: school.lessons.music })).resolves.toMatchObject({ subject: { marked: false } });
    // The school's subject itself stays marked: the plan decides per grade and year.
    await expect(rpc.call(PlanningRpc.getLesson, { lessonId: school.lessons.math })).resolves.toMatchObject({ subject: { marked: true } });

    await rpc.call(CurriculumRpc.setLine, { ...music, marked: true }, { actor: deputy });
    await expect(addMark()).resolves.toMatchObject({ value: 5 });
  });
});
