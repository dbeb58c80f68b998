import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AttendanceEvents,
  ErrorCode,
  FinalResultEvents,
  type GradebookCollection,
  type GradebookQuery,
  IdentityEvents,
  JournalEvents,
  type Mark,
  ReportingGradebookRpc,
  ReportingMunicipalRpc,
} from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import {
  createTestDeployment,
  ONEROSTER_GRADEBOOK_DESCRIPTION_FILE,
  OneRosterDescription,
  refusalOf,
  startTestService,
  type TestDeployment,
} from '#testing';
import { reportingServiceSpec } from '../reporting.service-spec.js';
import { readModelSettled } from '../testing/read-model-settled.js';
import { SchoolFixture } from '../testing/school-fixture.js';
import { TestEventPublisher } from '../testing/test-event-publisher.js';
import { categoryIdOf, markLineItemIdOf, resultLineItemIdOf } from './gradebook-records.js';

const BASE_URL = 'https://journal.example.test/ims/oneroster/gradebook/v1p2';
const ROSTERING_URL = 'https://journal.example.test/ims/oneroster/rostering/v1p2';
const WRAPPERS = {
  categories: ['categories', 'category'],
  lineItems: ['lineItems', 'lineItem'],
  results: ['results', 'result'],
} as const satisfies Record<GradebookCollection, readonly [string, string]>;

/** A period result of a student in maths for the second quarter, as the journal announces it. */
function mathResult(school: SchoolFixture, studentId: string, value: number | 'not-attested' | null, version = 1, id = randomUUID()) {
  return {
    id,
    term: 'period' as const,
    termId: school.periods.q2,
    schoolId: school.schoolId,
    studentId,
    subjectCode: 'math',
    pageId: school.pages.math5a,
    value,
    label: value === null ? null : value === 'not-attested' ? 'н/а' : String(value),
    version,
    setBy: school.people.teacher,
    setAt: '2026-12-28T06:00:00.000Z',
  };
}

/**
 * The read model fed with invented schools' events; the municipal API's reads (R-REP-5): OneRoster 1.2 gradebook of a
 * client granted the first school, performance figures and the attendance feed of the third.
 */
describe('reporting: the municipal API — OneRoster 1.2 gradebook, performance, attendance feed (R-REP-5)', () => {
  let deployment: TestDeployment;
  let reporting: RunningService;
  let rpc: RpcClient;
  let publisher: TestEventPublisher;
  const school = new SchoolFixture();
  const otherSchool = new SchoolFixture();
  const reportSchool = new SchoolFixture();
  const description = new OneRosterDescription(ONEROSTER_GRADEBOOK_DESCRIPTION_FILE);
  const petrovaResultId = randomUUID();
  const read = (collection: GradebookCollection, query: Partial<GradebookQuery> = {}) =>
    rpc.call(ReportingGradebookRpc.read, {
      collection,
      schoolIds: [school.schoolId],
      limit: 1_000,
      offset: 0,
      baseUrl: BASE_URL,
      rosteringBaseUrl: ROSTERING_URL,
      ...query,
    });

  beforeAll(async () => {
    deployment = await createTestDeployment(['reporting']);
    reporting = await startTestService(reportingServiceSpec, deployment);
    rpc = reporting.app.get(RpcClient);
    publisher = await TestEventPublisher.connect(deployment.nats);
    for (const fixture of [school, otherSchool, reportSchool]) await fixture.publish(publisher);
    await publisher.publish(FinalResultEvents.resultsSaved, {
      results: [
        mathResult(school, school.people.petrova, 3, 1, petrovaResultId),
        mathResult(school, school.people.kuznetsova, 'not-attested'),
        mathResult(reportSchool, reportSchool.people.petrova, 4),
        mathResult(reportSchool, reportSchool.people.kuznetsova, 'not-attested'),
      ],
    });
    await readModelSettled(rpc);
  }, 60_000);

  afterAll(async () => {
    await publisher?.close();
    await reporting?.close();
    await deployment?.dispose();
  });

  it('R-REP-5: every gradebook collection and each of its records follow the OneRoster 1.2 gradebook data model', async () => {
    // The validator does refuse: a result without its line item, student and score status.
    expect(description.errorsOf('/results', { results: [{ sourcedId: 'x', status: 'active', dateLastModified: '2026-12-01T00:00:00Z' }] })).not.toEqual([]);
    const counts: Record<string, number> = {};
    for (const collection of Object.keys(WRAPPERS) as GradebookCollection[]) {
      const [many, one] = WRAPPERS[collection];
      const page = await read(collection);
      counts[collection] = page.total;
      expect({ collection, errors: description.errorsOf(`/${collection}`, { [many]: page.records }) }).toEqual({ collection, errors: [] });
      for (const record of page.records) {
        expect((await read(collection, { sourcedId: record.sourcedId })).records).toEqual([record]);
        expect(description.errorsOf(`/${collection}/{sourcedId}`, { [one]: record })).toEqual([]);
      }
    }
    // 2 kinds of work and the 2 result categories; 7 lesson × kind pairs with marks and the quarter's results of a
    // page; 10 marks and 2 period results.
    expect(counts).toEqual({ categories: 4, lineItems: 8, results: 12 });
  });

  it('R-REP-5: maps the journal: kinds of work with weights, a line item per lesson and kind, a result per mark', async () => {
    const { records: categories } = await read('categories', { sort: 'title' });
    expect(categories.map(({ title, weight }) => ({ title, weight }))).toEqual([
      { title: 'Годовая отметка', weight: undefined },
      { title: 'Итоговая отметка за период', weight: undefined },
      { title: 'Контрольная работа', weight: 2 },
      { title: 'Ответ на уроке', weight: 1 },
    ]);
    const test = school.marks.petrovaRussianTest;
    const lineItemId = markLineItemIdOf(test.lessonId, 'test');
    const { records: [lineItem] } = await read('lineItems', { sourcedId: lineItemId });
    expect(lineItem).toEqual({
      sourcedId: lineItemId,
      status: 'active',
      dateLastModified: expect.any(String),
      title: 'Контрольная работа, 02.12.2026',
      assignDate: '2026-12-02T03:30:00.000Z',
      dueDate: '2026-12-02T04:10:00.000Z',
      class: { href: `${ROSTERING_URL}/classes/${school.pages.russian5a}`, sourcedId: school.pages.russian5a, type: 'class' },
      school: { href: `${ROSTERING_URL}/orgs/${school.schoolId}`, sourcedId: school.schoolId, type: 'org' },
      category: expect.objectContaining({ sourcedId: categoryIdOf(school.schoolId, 'test'), type: 'category' }),
      gradingPeriod: expect.objectContaining({ sourcedId: school.periods.q2, type: 'academicSession' }),
      academicSession: expect.objectContaining({ sourcedId: school.yearId }),
      resultValueMin: 1,
      resultValueMax: 5,
    });
    const { records: [result] } = await read('results', { sourcedId: test.id });
    expect(result).toEqual({
      sourcedId: test.id,
      status: 'active',
      dateLastModified: expect.any(String),
      lineItem: { href: `${BASE_URL}/lineItems/${lineItemId}`, sourcedId: lineItemId, type: 'lineItem' },
      student: { href: `${ROSTERING_URL}/users/${school.people.petrova}`, sourcedId: school.people.petrova, type: 'user' },
      class: expect.objectContaining({ sourcedId: school.pages.russian5a }),
      scoreStatus: 'fully graded',
      score: 5,
      scoreDate: '2026-12-02',
    });
    const periodItem = resultLineItemIdOf(school.pages.math5a, school.periods.q2);
    const { records: finals } = await read('results', { filter: `lineItem.sourcedId='${periodItem}'`, sort: 'textScore' });
    expect(finals.map(({ student, score, textScore, scoreStatus }) => ({ student: (student as { sourcedId: string }).sourcedId, score, textScore, scoreStatus }))).toEqual([
      { student: school.people.petrova, score: 3, textScore: '3', scoreStatus: 'fully graded' },
      { student: school.people.kuznetsova, score: undefined, textScore: 'н/а', scoreStatus: 'fully graded' },
    ]);
    const { records: [periodLineItem] } = await read('lineItems', { sourcedId: periodItem });
    expect(periodLineItem).toMatchObject({ title: 'Итог: 2 четверть', gradingPeriod: { sourcedId: school.periods.q2 } });
  });

  it("R-REP-5: filter=dateLastModified>'…' pulls changed, removed (tobedeleted) and taken-back marks only; a replay changes nothing", async () => {
    const before = await read('results');
    const since = before.records.map((record) => record.dateLastModified).sort().at(-1)!;
    const changedMark: Mark = { ...school.marks.ivanovMathDec02, value: 5, version: 2 };
    await publisher.publish(JournalEvents.markChanged, {
      mark: changedMark,
      previous: { value: 4, workKind: 'answer', comment: null, version: 1 },
      at: '2026-12-03T06:00:00.000Z',
      actorId: school.people.teacher,
      late: true,
      reason: 'Исправление',
    });
    await publisher.publish(JournalEvents.markDeleted, {
      mark: school.marks.petrovaMathNov30,
      version: 2,
      at: '2026-12-03T06:01:00.000Z',
      actorId: school.people.teacher,
      late: true,
      reason: 'Ошибочно',
    });
    await publisher.publish(FinalResultEvents.resultsSaved, { results: [mathResult(school, school.people.petrova, null, 2, petrovaResultId)] });
    // Replays of earlier events: nothing moves.
    await publisher.publish(JournalEvents.marksSaved, { marks: school.enteredMarks() });
    await publisher.publish(FinalResultEvents.resultsSaved, { results: [mathResult(school, school.people.petrova, null, 2, petrovaResultId)] });
    await readModelSettled(rpc);

    const delta = await read('results', { filter: `dateLastModified>'${since}'`, sort: 'sourcedId' });
    const expected = [
      { sourcedId: changedMark.id, status: 'active', score: 5 },
      { sourcedId: school.marks.petrovaMathNov30.id, status: 'tobedeleted', score: 2 },
      { sourcedId: petrovaResultId, status: 'tobedeleted', score: undefined },
    ].sort((a, b) => (a.sourcedId < b.sourcedId ? -1 : 1));
    expect(delta.records.map(({ sourcedId, status, score }) => ({ sourcedId, status, score }))).toEqual(expected);
    expect(description.errorsOf('/results', { results: delta.records })).toEqual([]);
    // A removed mark is no longer an active result; the lesson's line item stays while another mark is on it.
    const active = await read('results', { filter: "status='active'" });
    expect(active.records.map((record) => record.sourcedId)).not.toContain(school.marks.petrovaMathNov30.id);
    const { records: [nov30] } = await read('lineItems', { sourcedId: markLineItemIdOf(school.lessons.math5aNov30.id, 'answer') });
    expect(nov30).toMatchObject({ status: 'active' });
  });

  it('R-REP-5: the line items and results of one class, of one of its line items and of one student', async () => {
    const math5b = await read('results', { classSourcedId: school.pages.math5b });
    expect(math5b.records.map((record) => record.sourcedId).sort()).toEqual([school.marks.sidorovMath5b.id, school.marks.belovMath5b.id].sort());
    const items = await read('lineItems', { classSourcedId: school.pages.math5b });
    expect(items.records.map((record) => record.sourcedId)).toEqual([markLineItemIdOf(school.lessons.math5bDec01.id, 'answer')]);
    const ofItem = await read('results', {
      classSourcedId: school.pages.russian5a,
      lineItemSourcedId: markLineItemIdOf(school.lessons.russian5aDec02.id, 'answer'),
    });
    expect(ofItem.records.map((record) => record.sourcedId)).toEqual([school.marks.petrovaRussianAnswer.id]);
    const ofStudent = await read('results', { classSourcedId: school.pages.math5b, studentSourcedId: school.people.belov });
    expect(ofStudent.records.map((record) => record.sourcedId)).toEqual([school.marks.belovMath5b.id]);
    expect(await refusalOf(read('results', { classSourcedId: otherSchool.pages.math5b }))).toMatchObject({ code: ErrorCode.NotFound });
  });

  it('R-REP-5: a client reads only its schools; pages with limit and offset', async () => {
    const all = await read('results', { sort: 'sourcedId' });
    expect(all.records.map((record) => record.sourcedId)).not.toContain(otherSchool.marks.belovMath5b.id);
    expect(await refusalOf(read('results', { sourcedId: otherSchool.marks.belovMath5b.id }))).toMatchObject({ code: ErrorCode.NotFound });
    const pages = [await read('results', { sort: 'sourcedId', limit: 5 }), await read('results', { sort: 'sourcedId', limit: 5, offset: 5 })];
    pages.push(await read('results', { sort: 'sourcedId', limit: 5, offset: 10 }));
    expect(pages.flatMap((page) => page.records)).toEqual(all.records);
    expect(pages.map((page) => page.total)).toEqual([all.total, all.total, all.total]);
    // Paged by the database (the default order) or assembled and paged here (any other filter): the same records.
    const assembled = await read('results', { sort: 'sourcedId', filter: "status!='none'" });
    expect(assembled.records).toEqual(all.records);
    const descending = await read('results', { orderBy: 'desc' });
    expect(descending.records).toEqual([...all.records].reverse());
    expect((await read('results', { offset: 1_000 })).total).toBe(all.total);
    const lineItems = await read('lineItems');
    expect((await read('lineItems', { sort: 'sourcedId', filter: "status!='none'" })).records).toEqual(lineItems.records);
    expect([...(await read('lineItems', { limit: 3 })).records, ...(await read('lineItems', { limit: 10, offset: 3 })).records]).toEqual(
      lineItems.records,
    );
    expect((await read('categories', { schoolIds: [] })).total).toBe(0);
  });

  it('R-REP-5: a kind of work the school no longer has is a tobedeleted category in the next delta pull', async () => {
    const before = await read('categories');
    const since = before.records.map((record) => record.dateLastModified).sort().at(-1)!;
    await publisher.publish(IdentityEvents.schoolSaved, {
      schoolId: school.schoolId,
      name: 'МБОУ «Тестовая СОШ № 7»',
      timeZone: 'Asia/Yekaterinburg',
      markScaleMin: 2,
      workKinds: [{ code: 'answer', nameRu: 'Ответ на уроке', weight: '1' }],
    });
    await readModelSettled(rpc);
    const delta = await read('categories', { filter: `dateLastModified>'${since}'` });
    expect(delta.records.map(({ sourcedId, status, title }) => ({ sourcedId, status, title }))).toEqual([
      { sourcedId: categoryIdOf(school.schoolId, 'test'), status: 'tobedeleted', title: 'Контрольная работа' },
    ]);
    expect(description.errorsOf('/categories', { categories: delta.records })).toEqual([]);
  });

  it('R-REP-5: performance by class, subject and school: the period result, else the proposal; exact shares rounded once', async () => {
    const query = { schoolId: reportSchool.schoolId, periodId: reportSchool.periods.q2 };
    const byClass = await rpc.call(ReportingMunicipalRpc.performance, { ...query, groupBy: 'class' });
    const view = (group: { key: string; students: number; passRate: string | null; quality: string | null; sou: string | null; averageMark: string | null }) => ({
      key: group.key,
      students: group.students,
      passRate: group.passRate,
      quality: group.quality,
      sou: group.sou,
      averageMark: group.averageMark,
    });
    // 5А: Иванов 4 (3.5 proposes 4), Петрова 4 (result) and 4 (12/3), Кузнецова н/а; 5Б: Сидоров 5 (4.5), Белов 5.
    expect(byClass.groups.map(view)).toEqual([
      { key: reportSchool.class5a, students: 3, passRate: '66.7', quality: '66.7', sou: '49.8', averageMark: '4.00' },
      { key: reportSchool.class5b, students: 2, passRate: '100.0', quality: '100.0', sou: '100.0', averageMark: '5.00' },
    ]);
    expect(byClass.groups.map((group) => group.title)).toEqual(['5А', '5Б']);
    expect(view({ key: 'total', ...byClass.total })).toEqual({
      key: 'total',
      students: 5,
      passRate: '80.0',
      quality: '80.0',
      sou: '66.5',
      averageMark: '4.40',
    });
    const bySubject = await rpc.call(ReportingMunicipalRpc.performance, { ...query, groupBy: 'subject' });
    expect(bySubject.groups.map((group) => ({ title: group.title, ...view(group) }))).toEqual([
      { title: 'Математика', key: 'math', students: 5, passRate: '80.0', quality: '80.0', sou: '67.0', averageMark: '4.50' },
      { title: 'Русский язык', key: 'russian', students: 1, passRate: '100.0', quality: '100.0', sou: '64.0', averageMark: '4.00' },
    ]);
    const bySchool = await rpc.call(ReportingMunicipalRpc.performance, { ...query, groupBy: 'school' });
    expect(bySchool.groups).toEqual([{ key: reportSchool.schoolId, title: 'Школа', ...bySchool.total }]);
    expect(
      await refusalOf(rpc.call(ReportingMunicipalRpc.performance, { schoolId: school.schoolId, periodId: reportSchool.periods.q2, groupBy: 'class' })),
    ).toMatchObject({ code: ErrorCode.NotFound });
  });

  it('R-REP-5: the attendance feed counts absent (by reason) and late students per class and day; since=cursor pulls changes only', async () => {
    const feed = (since?: string) =>
      rpc.call(ReportingMunicipalRpc.attendanceFeed, {
        schoolId: reportSchool.schoolId,
        from: '2026-12-01',
        to: '2026-12-07',
        limit: 100,
        offset: 0,
        ...(since ? { since } : {}),
      });
    const first = await feed();
    expect(first.days.map(({ dateLastModified: _, ...day }) => day)).toEqual([
      {
        classId: reportSchool.class5a,
        className: '5А',
        date: '2026-12-03',
        enrolled: 3,
        absent: 1,
        absentByReason: { illness: 1, excused: 0, unexcused: 0, unspecified: 0 },
        late: 1,
      },
    ]);
    expect(first.cursor).not.toBeNull();
    expect(await feed(first.cursor!)).toMatchObject({ days: [], total: 0, cursor: first.cursor });

    const { lessons, people } = reportSchool;
    const entries = [
      reportSchool.attendance(lessons.math5aDec03, people.petrova, 'present', { version: 2 }),
      reportSchool.attendance(lessons.math5bDec03, people.belov, 'absent', { reason: 'unexcused' }),
    ];
    await publisher.publish(AttendanceEvents.entriesSaved, { entries });
    await readModelSettled(rpc);
    const second = await feed(first.cursor!);
    expect(second.days.map(({ className, absent, absentByReason, late, enrolled }) => ({ className, absent, absentByReason, late, enrolled }))).toEqual([
      { className: '5А', absent: 1, absentByReason: { illness: 1, excused: 0, unexcused: 0, unspecified: 0 }, late: 0, enrolled: 3 },
      { className: '5Б', absent: 1, absentByReason: { illness: 0, excused: 0, unexcused: 1, unspecified: 0 }, late: 0, enrolled: 2 },
    ]);
    // The same event again: nothing changed since.
    await publisher.publish(AttendanceEvents.entriesSaved, { entries });
    await readModelSettled(rpc);
    expect((await feed(second.cursor!)).total).toBe(0);
    expect(
      await refusalOf(rpc.call(ReportingMunicipalRpc.attendanceFeed, { schoolId: reportSchool.schoolId, from: '2026-12-07', to: '2026-12-01', limit: 1, offset: 0 })),
    ).toMatchObject({ code: ErrorCode.ValidationFailed });
  });
});
