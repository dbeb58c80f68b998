import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  ErrorCode,
  IdentityRpc,
  JournalRpc,
  type Lesson,
  LessonChangesRpc,
  PlanningRpc,
  SYSTEM_SEED_ACTOR,
} from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, eventually, personActor, refusalOf, startTestService, TEST_NOW, type TestDeployment } from '#testing';
import { attendanceServiceSpec } from '../../../attendance/src/attendance.service-spec.js';
import { identityServiceSpec } from '../../../identity/src/identity.service-spec.js';
import { journalServiceSpec } from '../../../journal/src/journal.service-spec.js';
import { reportingServiceSpec } from '../../../reporting/src/reporting.service-spec.js';
import { planningServiceSpec } from '../planning.service-spec.js';
import { loadTimetableWorld, type TimetableWorld, type WorldClass } from '../testing/timetable-world.js';

const system = { actor: SYSTEM_SEED_ACTOR };
const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5];

describe('planning: one-off changes of lessons on a date (R-PLAN-3)', () => {
  let deployment: TestDeployment;
  const services: RunningService[] = [];
  let rpc: RpcClient;
  let world: TimetableWorld;
  let class6a: WorldClass;
  let deputy: Actor;
  let teacher: Actor;
  let colleague: Actor;

  const as = (actor: Actor) => ({ actor });
  const lessonAt = async (pageId: string, date: string, lessonNumber: number): Promise<Lesson> => {
    const { lessons } = await rpc.call(PlanningRpc.lessonsOfPages, { pageIds: [pageId], from: date, to: date });
    const lesson = lessons.find((candidate) => candidate.lessonNumber === lessonNumber);
    if (!lesson) throw new Error(`no lesson of ${pageId} on ${date} at ${lessonNumber}`);
    return lesson;
  };
  const changesOf = async (lessonId: string) =>
    (await rpc.call(LessonChangesRpc.changes, { schoolId: world.schoolId, from: '2026-09-01', to: '2027-05-31' }, as(deputy))).changes.filter(
      (change) => change.lessonId === lessonId,
    );
  const readModelLesson = (lessonId: string) =>
    eventually(async () => {
      const [row] = await services[4]!.app
        .get(DataSource)
        .query<Array<{ lesson_date: string; lesson_number: number; status: string }>>(
          'SELECT lesson_date, lesson_number, status FROM lesson WHERE id = $1',
          [lessonId],
        );
      if (!row) throw new Error('the lesson has not reached the read model yet');
      return row;
    });

  beforeAll(async () => {
    deployment = await createTestDeployment();
    for (const spec of [identityServiceSpec, planningServiceSpec, journalServiceSpec, attendanceServiceSpec, reportingServiceSpec]) {
      services.push(await startTestService(spec, deployment));
    }
    rpc = services[1]!.app.get(RpcClient);
    world = await loadTimetableWorld(rpc);
    // Russian every day first; maths second on Tuesdays and Thursdays.
    class6a = await world.addClass('А', ({ math, russian }) => [
      ...MONDAY_TO_FRIDAY.map((weekday) => ({ pageId: russian, subjectCode: 'russian', weekday, lessonNumber: 1 })),
      { pageId: math, subjectCode: 'math', weekday: 2, lessonNumber: 2 },
      { pageId: math, subjectCode: 'math', weekday: 4, lessonNumber: 2 },
    ]);
    deputy = world.actor('deputy');
    teacher = world.actor('teacher');
    colleague = world.actor('colleague');
  }, 120_000);

  afterAll(async () => {
    for (const service of services.reverse()) await service.close();
    await deployment?.dispose();
  });

  it('R-PLAN-3: a cancelled lesson stays on the calendar, cancelled, and the journal refuses its marks', async () => {
    const today = await lessonAt(class6a.math, '2026-12-03', 2);
    const cancelled = await rpc.call(LessonChangesRpc.cancel, { lessonId: today.id, reason: 'Учитель на курсах' }, as(deputy));
    expect(cancelled).toEqual({ ...today, status: 'cancelled' });
    await expect(lessonAt(class6a.math, '2026-12-03', 2)).resolves.toEqual(cancelled);
    expect(
      await refusalOf(rpc.call(JournalRpc.addMark, { lessonId: today.id, studentId: class6a.studentId, value: 5, workKind: 'answer' }, as(teacher))),
    ).toMatchObject({ code: ErrorCode.Conflict, message: 'Урок отменён: записи в нём не ведутся' });

    // Cancelling it again changes nothing and logs nothing.
    await expect(rpc.call(LessonChangesRpc.cancel, { lessonId: today.id, reason: 'Ещё раз' }, as(deputy))).resolves.toEqual(cancelled);
    expect(await changesOf(today.id)).toEqual([
      {
        id: expect.any(String),
        schoolId: world.schoolId,
        yearId: world.yearId,
        lessonId: today.id,
        pageId: class6a.math,
        classId: class6a.classId,
        subjectCode: 'math',
        kind: 'cancelled',
        date: '2026-12-03',
        lessonNumber: 2,
        movedFrom: null,
        substituteId: null,
        reason: 'Учитель на курсах',
        actorId: world.people.deputy,
        at: TEST_NOW.toISOString(),
      },
    ]);
    await expect(readModelLesson(today.id)).resolves.toMatchObject({ status: 'cancelled' });
  });

  it('R-PLAN-3: a lesson that holds a mark is not cancelled: the refusal says what it holds', async () => {
    const tuesday = await lessonAt(class6a.math, '2026-12-01', 2);
    await rpc.call(JournalRpc.addMark, { lessonId: tuesday.id, studentId: class6a.studentId, value: 4, workKind: 'answer' }, as(teacher));
    expect(await refusalOf(rpc.call(LessonChangesRpc.cancel, { lessonId: tuesday.id, reason: 'Ошибка' }, as(deputy)))).toMatchObject({
      code: ErrorCode.Conflict,
      message: 'Отменить урок нельзя: в нём уже есть записи (отметки: 1)',
    });
    await expect(lessonAt(class6a.math, '2026-12-01', 2)).resolves.toMatchObject({ status: 'scheduled' });
  });

  it('R-PLAN-3: a moved lesson keeps its id and its records at the new lesson number; the read model follows', async () => {
    const wednesday = await lessonAt(class6a.russian, '2026-12-02', 1);
    const mark = await rpc.call(
      JournalRpc.addMark,
      { lessonId: wednesday.id, studentId: class6a.studentId, value: 5, workKind: 'answer' },
      as(colleague),
    );
    const moved = await rpc.call(LessonChangesRpc.move, { lessonId: wednesday.id, lessonNumber: 3, reason: 'Первым уроком — линейка' }, as(deputy));
    expect(moved).toEqual({ ...wednesday, lessonNumber: 3, startsAt: '10:20', endsAt: '11:00' });
    await expect(lessonAt(class6a.russian, '2026-12-02', 3)).resolves.toEqual(moved);
    await expect(rpc.call(JournalRpc.getLesson, { lessonId: wednesday.id }, as(colleague))).resolves.toMatchObject({ marks: [mark] });
    expect(await changesOf(wednesday.id)).toEqual([
      expect.objectContaining({ kind: 'moved', date: '2026-12-02', lessonNumber: 3, movedFrom: { date: '2026-12-02', lessonNumber: 1 } }),
    ]);
    await expect(readModelLesson(wednesday.id)).resolves.toEqual({ lesson_date: '2026-12-02', lesson_number: 3, status: 'scheduled' });

    // Marks are kept only for lessons that took place: this one cannot go to a day that has not come.
    expect(
      await refusalOf(rpc.call(LessonChangesRpc.move, { lessonId: wednesday.id, date: '2026-12-08', reason: 'Позже' }, as(deputy))),
    ).toMatchObject({
      code: ErrorCode.Conflict,
      message: 'Перенести урок на дату, которая ещё не наступила, нельзя: в нём уже есть записи (отметки: 1)',
    });
  });

  it('R-PLAN-3: a move into a time the class already has a lesson is refused with a message in Russian', async () => {
    const maths = await lessonAt(class6a.math, '2026-12-10', 2);
    expect(await refusalOf(rpc.call(LessonChangesRpc.move, { lessonId: maths.id, lessonNumber: 1, reason: 'Замена' }, as(deputy)))).toMatchObject({
      code: ErrorCode.Conflict,
      message: 'Перенести урок нельзя: у класса уже есть урок в это время — 10.12.2026, 1-й урок, «Русский язык»',
    });
    await expect(lessonAt(class6a.math, '2026-12-10', 2)).resolves.toEqual(maths);
  });

  it('R-CAL-1: a move onto a day off, a weekend or into a closed period is refused', async () => {
    const maths = await lessonAt(class6a.math, '2026-12-15', 2);
    const moveTo = (date: string) => refusalOf(rpc.call(LessonChangesRpc.move, { lessonId: maths.id, date, reason: 'Перенос' }, as(deputy)));
    await expect(moveTo('2026-11-04')).resolves.toMatchObject({
      code: ErrorCode.Conflict,
      message: 'Перенести урок нельзя: 04.11.2026 — выходной день («День народного единства»)',
    });
    await expect(moveTo('2026-12-12')).resolves.toMatchObject({ message: 'Перенести урок нельзя: 12.12.2026 — выходной день' });
    await expect(moveTo('2026-10-28')).resolves.toMatchObject({
      message: 'Перенести урок нельзя: 28.10.2026 — каникулы («Осенние каникулы») для 6 класса',
    });
    const planning = services[1]!.app.get(DataSource);
    await planning.query(`UPDATE period SET closed = true WHERE year_id = $1 AND name_ru = 'I четверть'`, [world.yearId]);
    try {
      await expect(moveTo('2026-10-20')).resolves.toMatchObject({ code: ErrorCode.PeriodClosed });
    } finally {
      await planning.query(`UPDATE period SET closed = false WHERE year_id = $1 AND name_ru = 'I четверть'`, [world.yearId]);
    }
    await expect(lessonAt(class6a.math, '2026-12-15', 2)).resolves.toEqual(maths);
  });

  it('R-ACC-3: a substitute for one lesson goes through identity, is logged once, and follows the lesson when it moves', async () => {
    const maths = await lessonAt(class6a.math, '2026-12-10', 2);
    const substituteId = world.people.substitute;
    const substitute = { lessonId: maths.id, teacherId: substituteId, reason: 'Учитель болен' };
    await expect(rpc.call(LessonChangesRpc.substitute, substitute, as(deputy))).resolves.toEqual({
      lessonId: maths.id,
      pageId: class6a.math,
      schoolId: world.schoolId,
      date: '2026-12-10',
      teacherId: substituteId,
    });
    await rpc.call(LessonChangesRpc.substitute, substitute, as(world.actor('director')));
    const substitutedOn = async (date: string) =>
      (await rpc.call(IdentityRpc.substitutionsOfTeacher, { teacherId: substituteId, date }, system)).substitutions.map((s) => s.lessonId);
    expect(await substitutedOn('2026-12-10')).toEqual([maths.id]);

    await rpc.call(LessonChangesRpc.move, { lessonId: maths.id, date: '2026-12-11', lessonNumber: 3, reason: 'Учитель болен' }, as(deputy));
    expect(await substitutedOn('2026-12-11')).toEqual([maths.id]);
    expect(await substitutedOn('2026-12-10')).toEqual([]);

    await expect(rpc.call(LessonChangesRpc.removeSubstitute, { lessonId: maths.id, reason: null }, as(deputy))).resolves.toEqual({ removed: true });
    expect((await changesOf(maths.id)).map(({ kind, substituteId: id, date }) => ({ kind, id, date }))).toEqual([
      { kind: 'substituted', id: substituteId, date: '2026-12-10' },
      { kind: 'moved', id: null, date: '2026-12-11' },
      { kind: 'substitute-removed', id: substituteId, date: '2026-12-11' },
    ]);
  });

  it('R-PLAN-3: an extra lesson is added on a date once, and reaches the read model', async () => {
    const request = { pageId: class6a.math, date: '2026-12-18', lessonNumber: 5, reason: 'Подготовка к олимпиаде' };
    const extra = await rpc.call(LessonChangesRpc.addExtra, request, as(deputy));
    expect(extra).toEqual({
      id: expect.any(String),
      schoolId: world.schoolId,
      yearId: world.yearId,
      pageId: class6a.math,
      classId: class6a.classId,
      grade: 6,
      subjectCode: 'math',
      date: '2026-12-18',
      lessonNumber: 5,
      startsAt: '12:10',
      endsAt: '12:50',
      status: 'scheduled',
    });
    await expect(rpc.call(LessonChangesRpc.addExtra, request, as(deputy))).resolves.toEqual(extra);
    await expect(lessonAt(class6a.math, '2026-12-18', 5)).resolves.toEqual(extra);
    expect(await changesOf(extra.id)).toEqual([expect.objectContaining({ kind: 'added', reason: 'Подготовка к олимпиаде' })]);
    await expect(readModelLesson(extra.id)).resolves.toEqual({ lesson_date: '2026-12-18', lesson_number: 5, status: 'scheduled' });

    expect(
      await refusalOf(rpc.call(LessonChangesRpc.addExtra, { ...request, pageId: class6a.russian, lessonNumber: 1 }, as(deputy))),
    ).toMatchObject({
      code: ErrorCode.Conflict,
      message: 'Добавить урок нельзя: у класса уже есть урок в это время — 18.12.2026, 1-й урок, «Русский язык»',
    });
  });

  it('R-PLAN-3: the change log is read by the management; only the deputy and the director change lessons', async () => {
    const maths = await lessonAt(class6a.math, '2026-12-22', 2);
    const cancel = (actor: Actor) => refusalOf(rpc.call(LessonChangesRpc.cancel, { lessonId: maths.id, reason: 'Нет' }, as(actor)));
    await expect(cancel(teacher)).resolves.toEqual({
      code: ErrorCode.Forbidden,
      message: 'Изменять расписание могут заместитель директора и директор школы',
      details: undefined,
    });
    await expect(cancel(world.actor('coordinator'))).resolves.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(cancel(personActor(randomUUID(), 'deputy', randomUUID()))).resolves.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'Урок не найден',
    });

    const { changes } = await rpc.call(
      LessonChangesRpc.changes,
      { schoolId: world.schoolId, from: '2026-12-01', to: '2026-12-31', classId: class6a.classId },
      as(world.actor('coordinator')),
    );
    expect(changes.map((change) => change.kind)).toEqual(expect.arrayContaining(['cancelled', 'moved', 'substituted', 'added']));
    expect(changes.every((change) => change.actorId === world.people.deputy || change.actorId === world.people.director)).toBe(true);
    expect(
      await refusalOf(rpc.call(LessonChangesRpc.changes, { schoolId: world.schoolId, from: '2026-12-01', to: '2026-12-31' }, as(teacher))),
    ).toMatchObject({ code: ErrorCode.Forbidden });
  });
});
