import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, IdentityEvents, type OneRosterCollection, type OneRosterQuery, ReportingOneRosterRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, OneRosterDescription, refusalOf, startTestService, type TestDeployment } from '#testing';
import { reportingServiceSpec } from '../reporting.service-spec.js';
import { readModelSettled } from '../testing/read-model-settled.js';
import { SchoolFixture } from '../testing/school-fixture.js';
import { TestEventPublisher } from '../testing/test-event-publisher.js';

const BASE_URL = 'https://journal.example.test/ims/oneroster/rostering/v1p2';
const WRAPPERS = {
  orgs: ['orgs', 'org'],
  academicSessions: ['academicSessions', 'academicSession'],
  courses: ['courses', 'course'],
  classes: ['classes', 'class'],
  users: ['users', 'user'],
  enrollments: ['enrollments', 'enrollment'],
} as const satisfies Record<OneRosterCollection, readonly [string, string]>;

/** The read model fed with two invented schools' events; the OneRoster reads of a client granted the first one. */
describe('reporting: OneRoster 1.2 rostering (R-REP-5)', () => {
  let deployment: TestDeployment;
  let reporting: RunningService;
  let rpc: RpcClient;
  let publisher: TestEventPublisher;
  const school = new SchoolFixture();
  const otherSchool = new SchoolFixture();
  const description = new OneRosterDescription();
  const read = (collection: OneRosterCollection, query: Partial<OneRosterQuery> = {}) =>
    rpc.call(ReportingOneRosterRpc.read, { collection, schoolIds: [school.schoolId], limit: 100, offset: 0, baseUrl: BASE_URL, ...query });

  beforeAll(async () => {
    deployment = await createTestDeployment(['reporting']);
    reporting = await startTestService(reportingServiceSpec, deployment);
    rpc = reporting.app.get(RpcClient);
    publisher = await TestEventPublisher.connect(deployment.nats);
    await school.publish(publisher);
    await otherSchool.publish(publisher);
    await readModelSettled(rpc);
  });

  afterAll(async () => {
    await publisher?.close();
    await reporting?.close();
    await deployment?.dispose();
  });

  it('R-REP-5: every collection and each of its records validate against the official OneRoster 1.2 description', async () => {
    // The validator does refuse: a school without its required fields.
    expect(description.errorsOf('/orgs', { orgs: [{ sourcedId: school.schoolId }] })).not.toEqual([]);
    const counts: Record<string, number> = {};
    for (const collection of Object.keys(WRAPPERS) as OneRosterCollection[]) {
      const [many, one] = WRAPPERS[collection];
      const page = await read(collection);
      counts[collection] = page.total;
      expect({ collection, errors: description.errorsOf(`/${collection}`, { [many]: page.records }) }).toEqual({ collection, errors: [] });
      for (const record of page.records) {
        const single = await read(collection, { sourcedId: record.sourcedId });
        expect(single.records).toEqual([record]);
        expect(description.errorsOf(`/${collection}/{sourcedId}`, { [one]: record })).toEqual([]);
      }
    }
    // 4 pages of 3 subjects in grade 5; 5 students, their teacher and a parent; 11 students and 4 teachers on pages.
    expect(counts).toEqual({ orgs: 1, academicSessions: 6, courses: 3, classes: 4, users: 7, enrollments: 15 });
  });

  it('R-REP-5: maps the roster: pages are classes of a subject-in-grade course, names only, agents both ways', async () => {
    const { records: classes } = await read('classes', { filter: `sourcedId='${school.pages.english5a}'` });
    expect(classes).toEqual([
      expect.objectContaining({
        title: '5А · Английский язык · Английский, 1 гр.',
        classType: 'scheduled',
        grades: ['5'],
        school: { href: `${BASE_URL}/orgs/${school.schoolId}`, sourcedId: school.schoolId, type: 'org' },
        terms: [{ href: `${BASE_URL}/academicSessions/${school.yearId}`, sourcedId: school.yearId, type: 'academicSession' }],
      }),
    ]);
    const { records: [ivanov] } = await read('users', { sourcedId: school.people.ivanov });
    expect(ivanov).toEqual({
      sourcedId: school.people.ivanov,
      status: 'active',
      dateLastModified: expect.any(String),
      enabledUser: 'true',
      givenName: 'Иван',
      familyName: 'Иванов',
      middleName: 'Петрович',
      roles: [{ roleType: 'primary', role: 'student', org: expect.objectContaining({ sourcedId: school.schoolId }) }],
      primaryOrg: expect.objectContaining({ sourcedId: school.schoolId }),
      agents: [{ href: `${BASE_URL}/users/${school.people.parent}`, sourcedId: school.people.parent, type: 'user' }],
    });
    const { records: sidorov } = await read('enrollments', { filter: `user.sourcedId='${school.people.sidorov}'`, sort: 'beginDate' });
    expect(sidorov.map(({ role, beginDate, endDate }) => ({ role, beginDate, endDate }))).toEqual([
      { role: 'student', beginDate: '2026-09-01', endDate: '2026-11-30' },
      { role: 'student', beginDate: '2026-09-01', endDate: '2026-11-30' },
      { role: 'student', beginDate: '2026-12-01', endDate: undefined },
    ]);
  });

  it('R-REP-5: pages with limit and offset over a stable order, sorted by a field in either direction', async () => {
    const all = await read('users', { sort: 'familyName' });
    const names = all.records.map((user) => user.familyName);
    expect(names).toEqual([...names].sort());
    const pages = [await read('users', { sort: 'familyName', limit: 3 }), await read('users', { sort: 'familyName', limit: 3, offset: 3 })];
    pages.push(await read('users', { sort: 'familyName', limit: 3, offset: 6 }));
    expect(pages.map((page) => page.total)).toEqual([7, 7, 7]);
    expect(pages.flatMap((page) => page.records)).toEqual(all.records);
    const descending = await read('users', { sort: 'familyName', orderBy: 'desc' });
    expect(descending.records.map((user) => user.familyName)).toEqual([...names].reverse());
  });

  it("R-REP-5: filter=dateLastModified>'…' returns only what changed since; a replayed event changes nothing", async () => {
    const before = await read('users');
    const since = before.records.map((user) => user.dateLastModified).sort().at(-1)!;
    await publisher.publish(IdentityEvents.peopleSaved, {
      people: [
        { personId: school.people.petrova, lastName: 'Петрова-Смирнова', firstName: 'Анна', middleName: 'Сергеевна' },
        { personId: school.people.ivanov, lastName: 'Иванов', firstName: 'Иван', middleName: 'Петрович' },
      ],
    });
    await readModelSettled(rpc);
    const changed = await read('users', { filter: `dateLastModified>'${since}'` });
    expect(changed.records.map((user) => [user.sourcedId, user.familyName])).toEqual([[school.people.petrova, 'Петрова-Смирнова']]);
    expect(changed.total).toBe(1);
  });

  it('R-REP-5: a client reads only its schools: another school’s records are not found, and not listed', async () => {
    const orgs = await read('orgs');
    expect(orgs.records.map((org) => org.sourcedId)).toEqual([school.schoolId]);
    const users = await read('users');
    expect(users.records.map((user) => user.sourcedId)).not.toContain(otherSchool.people.ivanov);
    expect(await refusalOf(read('classes', { sourcedId: otherSchool.pages.math5a }))).toMatchObject({ code: ErrorCode.NotFound });
    expect((await read('users', { schoolIds: [] })).total).toBe(0);
  });

  it('R-REP-5: a malformed filter is refused; fields keeps only the named fields', async () => {
    expect(await refusalOf(read('users', { filter: 'familyName=Иванов' }))).toMatchObject({ code: ErrorCode.ValidationFailed });
    const { records } = await read('orgs', { fields: 'sourcedId,name' });
    expect(records).toEqual([{ sourcedId: school.schoolId, name: 'МБОУ «Тестовая СОШ № 7»' }]);
  });
});
