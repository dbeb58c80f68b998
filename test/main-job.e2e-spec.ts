import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  type ClassSummary,
  type DiaryMarks,
  type DiaryWeek,
  type NotificationFeed,
  type PlanProgress,
  PlanningRpc,
  type SchoolPlanStatus,
  SYSTEM_SEED_ACTOR,
  type WorkKind,
} from '#contracts';
import { Rational, viewAverage, weightedAverage } from '#domain';
import { FixedClock, RpcClient } from '#platform';
import { type ApiSession, loginThroughDevIdp, signInThroughDevIdp } from '#testing';
import { SMALL_DEMO_SCHOOL } from '../deploy/seed/school/demo-school-plan.js';
import { planSavedOn } from '../deploy/seed/history/thematic-plans.js';
import type { PlanPage, PlanSlot } from '../deploy/seed/school/plan-types.js';
import { DEMO_PASSWORD, type RunningSystem, startSystem } from './support/start-system.js';

// Thursday 3 December 2026, 10:00 at the school (Asia/Yekaterinburg): second quarter of the derived 2026/27 year.
const TODAY = '2026-12-03';
const THURSDAY = 4;
const WEEK = '2026-11-30';

interface TeacherLesson {
  lessonId: string;
  subjectCode: string;
  classId: string;
  className: string;
  date: string;
}
interface LessonView {
  writable: boolean;
  topic: string | null;
  homework: string | null;
  students: Array<{ studentId: string; marks: Array<{ value: number; workKind: string }> }>;
}
interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  instance?: string;
}

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function problem(response: Response, status: number): Promise<Problem> {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return json<Problem>(response, status);
}

describe('the main job end to end: teacher writes, parent reads, class teacher sums up', () => {
  let system: RunningSystem;
  const sessions = new Map<string, ApiSession>();

  const current = () => system.plan.years.at(-1)!;
  const personId = (key: string) => system.demo.personIds.get(key)!;
  const loginOf = (personKey: string) => system.plan.logins.find((login) => login.personKey === personKey && login.canSignIn)!.login;
  const signIn = async (login: string): Promise<ApiSession> => {
    const known = sessions.get(login);
    if (known) return known;
    const session = await loginThroughDevIdp(system.gateway.url, login, DEMO_PASSWORD);
    sessions.set(login, session);
    return session;
  };

  // The parent's child, the child's class, and two of the class's Thursday lessons taught by different teachers.
  let childKey: string;
  let childClassKey: string;
  let markedPage: PlanPage;
  let otherPage: PlanPage;

  beforeAll(async () => {
    system = await startSystem(SMALL_DEMO_SCHOOL, new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)), TODAY);
    const year = current();
    const parent = system.plan.logins.find((login) => login.login === 'parent')!;
    const family = system.plan.families.find((f) => f.parentKeys.includes(parent.personKey))!;
    const enrollment = year.enrollments.find((e) => family.childKeys.includes(e.studentKey) && e.to === null)!;
    childKey = enrollment.studentKey;
    childClassKey = enrollment.classKey;
    const pageOf = (slot: PlanSlot) => year.pages.find((page) => page.key === slot.pageKey)!;
    const childInPage = (page: PlanPage) =>
      page.groupKey === null || year.memberships.some((m) => m.groupKey === page.groupKey && m.studentKey === childKey && m.to === null);
    const marked = new Set(system.plan.subjects.filter((s) => s.marked).map((s) => s.code));
    const thursday = year.timetable
      .get(childClassKey)!
      .filter((slot) => slot.weekday === THURSDAY)
      .map(pageOf)
      .filter((page) => childInPage(page) && marked.has(page.subjectCode));
    markedPage = thursday[0]!;
    otherPage = thursday.find((page) => page.teacherKey !== markedPage.teacherKey && page.subjectCode !== markedPage.subjectCode)!;
    expect(markedPage).toBeDefined();
    expect(otherPage).toBeDefined();
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  async function todaysLesson(session: ApiSession, page: PlanPage): Promise<TeacherLesson> {
    const lessons = await json<TeacherLesson[]>(await session.get('/api/v1/me/lessons'), 200);
    const classId = system.demo.classIds.get(page.classKey);
    const lesson = lessons.find((l) => l.subjectCode === page.subjectCode && l.classId === classId);
    expect(lesson?.date).toBe(TODAY);
    return lesson!;
  }

  it('R-ACC-1, R-ACC-3, R-MARK-4, R-ATT-1: a subject teacher signs in, opens today\'s lesson and records topic, homework, a mark and an absence', async () => {
    const teacher = await signIn(loginOf(markedPage.teacherKey));
    const lesson = await todaysLesson(teacher, markedPage);

    const view = await json<LessonView>(await teacher.get(`/api/v1/lessons/${lesson.lessonId}`), 200);
    expect(view.writable).toBe(true);
    expect(view.students.map((s) => s.studentId)).toContain(personId(childKey));

    const content = await teacher.put(`/api/v1/lessons/${lesson.lessonId}/content`, {
      topic: 'Решение задач на проценты',
      homework: '§ 12, № 345–347',
    });
    expect(content.status).toBe(200);

    const mark = await json<{ value: number; workKind: string; late: boolean }>(
      await teacher.post(`/api/v1/lessons/${lesson.lessonId}/marks`, { studentId: personId(childKey), value: 5, workKind: 'answer' }),
      201,
    );
    expect(mark).toMatchObject({ value: 5, workKind: 'answer', late: false });

    const reread = await json<LessonView>(await teacher.get(`/api/v1/lessons/${lesson.lessonId}`), 200);
    expect(reread).toMatchObject({ topic: 'Решение задач на проценты', homework: '§ 12, № 345–347' });
    expect(reread.students.find((s) => s.studentId === personId(childKey))!.marks).toContainEqual(
      expect.objectContaining({ value: 5, workKind: 'answer' }),
    );

    const colleague = await signIn(loginOf(otherPage.teacherKey));
    const otherLesson = await todaysLesson(colleague, otherPage);
    const absence = await colleague.put(`/api/v1/lessons/${otherLesson.lessonId}/attendance/${personId(childKey)}`, {
      status: 'absent',
      reason: 'illness',
    });
    expect(absence.status).toBe(200);
  });

  it('R-REP-4: the parent sees the mark (date, subject, kind), the absence and the homework in the child\'s diary', async () => {
    await system.settle();
    const parent = await signIn('parent');
    const { children } = await json<{ children: Array<{ id: string }> }>(await parent.get('/api/v1/children'), 200);
    expect(children.map((c) => c.id)).toContain(personId(childKey));

    const diary = await json<DiaryWeek>(await parent.get(`/api/v1/students/${personId(childKey)}/diary?week=${WEEK}`), 200);
    const today = diary.days.find((day) => day.date === TODAY)!;
    const marked = today.lessons.find((l) => l.subjectCode === markedPage.subjectCode)!;
    expect(marked.homework).toBe('§ 12, № 345–347');
    expect(marked.topic).toBe('Решение задач на проценты');
    expect(marked.subjectName).toBe(system.plan.subjects.find((s) => s.code === markedPage.subjectCode)!.nameRu);
    expect(marked.marks).toContainEqual(expect.objectContaining({ value: 5, workKind: 'answer', workKindName: 'Ответ на уроке' }));
    const missed = today.lessons.find((l) => l.subjectCode === otherPage.subjectCode)!;
    expect(missed.attendance).toEqual({ status: 'absent', reason: 'illness', minutesLate: null });
  });

  it('R-REP-4: a fresh demo\'s parent already has notifications: a mark of the last school day, added and then corrected', async () => {
    await system.settle();
    const parent = await signIn('parent');
    const feed = await json<NotificationFeed>(await parent.get('/api/v1/me/notifications'), 200);
    const earlier = feed.items.filter((item) => item.kind === 'mark' && item.date !== TODAY);
    expect(earlier).toContainEqual(expect.objectContaining({ change: 'added', value: '4', student: expect.objectContaining({ id: personId(childKey) }) }));
    expect(earlier).toContainEqual(
      expect.objectContaining({ change: 'changed', value: '5', previousValue: '4', student: expect.objectContaining({ id: personId(childKey) }) }),
    );
    expect(feed.unread).toBeGreaterThanOrEqual(2);
  });

  it('R-MARK-5, R-MARK-6, R-REP-1: the class teacher sees every student\'s exact average and proposed quarter mark', async () => {
    await system.settle();
    const schoolClass = current().classes.find((c) => c.key === childClassKey)!;
    const classTeacher = await signIn(loginOf(schoolClass.classTeacherKey!));
    const classId = system.demo.classIds.get(childClassKey)!;
    const summary = await json<ClassSummary>(await classTeacher.get(`/api/v1/classes/${classId}/summary`), 200);
    expect(summary.period).toMatchObject({ nameRu: 'II четверть', start: '2026-11-02', end: '2026-12-29' });
    const enrolled = current().enrollments.filter((e) => e.classKey === childClassKey).map((e) => personId(e.studentKey));
    expect(summary.students.map((s) => s.studentId).sort()).toEqual([...new Set(enrolled)].sort());

    // The summary's number is the exact weighted average of the child's marks, rounded half up once.
    const { workKinds } = await json<{ workKinds: WorkKind[] }>(
      await classTeacher.get(`/api/v1/schools/${system.demo.schoolId}/work-kinds`),
      200,
    );
    const weightOf = new Map(workKinds.map((kind) => [kind.code, Rational.parseDecimal(kind.weight)]));
    const diary = await json<DiaryMarks>(await classTeacher.get(`/api/v1/students/${personId(childKey)}/marks`), 200);
    const subject = diary.subjects.find((s) => s.subjectCode === markedPage.subjectCode)!;
    expect(subject.marks).toContainEqual(expect.objectContaining({ value: 5, date: TODAY }));
    const expected = viewAverage(weightedAverage(subject.marks.map((m) => ({ value: m.value, weight: weightOf.get(m.workKind)! }))));
    const row = summary.students.find((s) => s.studentId === personId(childKey))!;
    const cell = row.subjects.find((s) => s.subjectCode === markedPage.subjectCode)!;
    expect(cell.average).toEqual(expected);
    expect(subject.average).toEqual(expected);
    expect(cell.marksCount).toBe(subject.marks.length);
    const someProposal = summary.students.flatMap((s) => s.subjects).find((s) => s.average !== null)!;
    expect(someProposal.average!.proposed).toBeGreaterThanOrEqual(2);
  });

  it('R-MARK-6, R-REP-1: the demo\'s ended first quarter has its results, set as the marks proposed', async () => {
    const schoolClass = current().classes.find((c) => c.key === childClassKey)!;
    const classTeacher = await signIn(loginOf(schoolClass.classTeacherKey!));
    const classId = system.demo.classIds.get(childClassKey)!;
    const summary = await json<ClassSummary>(await classTeacher.get(`/api/v1/classes/${classId}/summary?date=2026-10-20`), 200);
    expect(summary.period).toMatchObject({ nameRu: 'I четверть' });
    const cells = summary.students.flatMap((student) => student.subjects);
    const averaged = cells.filter((cell) => cell.average !== null);
    expect(averaged.length).toBeGreaterThan(0);
    for (const cell of averaged) expect(cell.result?.value).toBe(cell.average!.proposed);
  });

  it('R-PLAN-1, R-PLAN-3: the demo\'s КТП came mostly by 10 September, a few late or not at all; lessons follow their topics', async () => {
    const year = current();
    const coordinator = await signIn('coordinator');
    const status = await json<SchoolPlanStatus>(await coordinator.get(`/api/v1/schools/${system.demo.schoolId}/plans/status`), 200);
    const expected = (page: PlanPage) => {
      const savedOn = planSavedOn(page, year.request.start, true);
      if (savedOn === null) return 'missing-overdue';
      return savedOn <= '2026-09-10' ? 'submitted-on-time' : 'submitted-late';
    };
    const pageKeyOf = new Map(year.pages.map((page) => [system.demo.pageIds.get(page.key)!, page]));
    const statuses = status.pages.map((page) => page.status);
    expect(status.pages.map((page) => [page.pageId, page.status])).toEqual(
      status.pages.map((page) => [page.pageId, expected(pageKeyOf.get(page.pageId)!)]),
    );
    expect(statuses.filter((value) => value === 'submitted-on-time').length).toBeGreaterThan(statuses.length / 2);

    const planned = year.pages.find(
      (page) =>
        page !== markedPage &&
        page !== otherPage &&
        (planSavedOn(page, year.request.start, true) ?? '9999') <= '2026-09-01' &&
        system.plan.logins.some((login) => login.personKey === page.teacherKey && login.canSignIn),
    )!;
    const teacher = await signIn(loginOf(planned.teacherKey));
    const progress = await json<PlanProgress>(await teacher.get(`/api/v1/pages/${system.demo.pageIds.get(planned.key)}/plan/progress`), 200);
    expect(progress.conductedLessons).toBeGreaterThan(0);
    expect(progress.deliveredHours).toBe(progress.conductedLessons);
  });

  it('R-MARK-2: a mark in a grade-1 class is refused with a clear problem', async () => {
    const primary = await signIn('primary');
    const lessons = await json<TeacherLesson[]>(await primary.get('/api/v1/me/lessons'), 200);
    const firstGrade = system.plan.years.at(-1)!.classes.find((c) => c.grade === 1)!;
    const lesson = lessons.find((l) => l.classId === system.demo.classIds.get(firstGrade.key))!;
    const view = await json<LessonView & { marksAllowed: boolean }>(await primary.get(`/api/v1/lessons/${lesson.lessonId}`), 200);
    expect(view.marksAllowed).toBe(false);
    const refused = await problem(
      await primary.post(`/api/v1/lessons/${lesson.lessonId}/marks`, { studentId: view.students[0]!.studentId, value: 5, workKind: 'answer' }),
      422,
    );
    expect(refused).toMatchObject({ code: 'MARKS_NOT_KEPT_IN_GRADE_1', status: 422 });
    expect(refused.detail).toMatch(/1 класс/);
  });

  it('R-CAL-1: last year is closed: its teacher reads a 2025/26 lesson, and a mark on it is refused with PERIOD_CLOSED', async () => {
    const lastYear = system.plan.years[0]!;
    const markedSubjects = new Set(system.plan.subjects.filter((subject) => subject.marked).map((subject) => subject.code));
    const page = lastYear.pages.find((candidate) => candidate.grade > 1 && markedSubjects.has(candidate.subjectCode) && system.plan.logins.some((login) => login.personKey === candidate.teacherKey && login.canSignIn))!;
    const rpc = system.services[0]!.app.get(RpcClient);
    const { lessons } = await rpc.call(
      PlanningRpc.lessonsOfPages,
      { pageIds: [system.demo.pageIds.get(page.key)!], from: '2025-12-01', to: '2025-12-31' },
      { actor: SYSTEM_SEED_ACTOR },
    );
    const teacher = await signIn(loginOf(page.teacherKey));
    const view = await json<LessonView>(await teacher.get(`/api/v1/lessons/${lessons[0]!.id}`), 200);
    const refused = await problem(
      await teacher.post(`/api/v1/lessons/${lessons[0]!.id}/marks`, { studentId: view.students[0]!.studentId, value: 5, workKind: 'answer' }),
      409,
    );
    expect(refused).toMatchObject({ code: 'PERIOD_CLOSED', status: 409 });
  });

  it('R-ACC-3: a teacher writing on another teacher\'s page is refused; a stranger\'s lesson looks like a missing one', async () => {
    const year = current();
    const schoolClass = year.classes.find((c) => c.key === childClassKey)!;
    const classTeacherKey = schoolClass.classTeacherKey!;
    const foreignPage = [markedPage, otherPage].find((page) => page.teacherKey !== classTeacherKey)!;
    const owner = await signIn(loginOf(foreignPage.teacherKey));
    const lesson = await todaysLesson(owner, foreignPage);

    const classTeacher = await signIn(loginOf(classTeacherKey));
    const forbidden = await problem(
      await classTeacher.post(`/api/v1/lessons/${lesson.lessonId}/marks`, { studentId: personId(childKey), value: 4, workKind: 'answer' }),
      403,
    );
    expect(forbidden.code).toBe('FORBIDDEN');

    const strangerKey = system.plan.teacherKeys.find(
      (key) => key !== classTeacherKey && !year.pages.some((page) => page.classKey === childClassKey && page.teacherKey === key),
    )!;
    const stranger = await signIn(loginOf(strangerKey));
    const onStranger = await problem(
      await stranger.post(`/api/v1/lessons/${lesson.lessonId}/marks`, { studentId: personId(childKey), value: 4, workKind: 'answer' }),
      404,
    );
    const onMissing = await problem(
      await stranger.post(`/api/v1/lessons/${randomUUID()}/marks`, { studentId: personId(childKey), value: 4, workKind: 'answer' }),
      404,
    );
    expect({ ...onStranger, requestId: undefined, instance: undefined }).toEqual({ ...onMissing, requestId: undefined, instance: undefined });
  });

  it('R-ACC-1: a student account is refused at sign-in', async () => {
    const { response } = await signInThroughDevIdp(system.gateway.url, 'student', DEMO_PASSWORD);
    const refused = await problem(response, 403);
    expect(refused.code).toBe('STUDENT_ACCESS_FORBIDDEN');
  });

  it('R-REP-4: a parent asking for another family\'s child gets exactly the answer for a child that does not exist', async () => {
    const parent = await signIn('parent');
    const family = system.plan.families.find((f) => f.childKeys.includes(childKey))!;
    const strangerChild = current().enrollments.find((e) => !family.childKeys.includes(e.studentKey))!.studentKey;
    const other = await problem(await parent.get(`/api/v1/students/${personId(strangerChild)}/diary?week=${WEEK}`), 404);
    const missing = await problem(await parent.get(`/api/v1/students/${randomUUID()}/diary?week=${WEEK}`), 404);
    expect({ ...other, requestId: undefined, instance: undefined }).toEqual({ ...missing, requestId: undefined, instance: undefined });
  });
});
