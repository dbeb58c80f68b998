import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClientsRpc, type ApiClientScope } from '#contracts';
import { FixedClock } from '#platform';
import { AUTH_TOKEN_PATH, loginThroughDevIdp, OneRosterDescription, postForm } from '#testing';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from './permission-matrix/matrix-system.js';
import { loadMatrixWorld, type MatrixWorld, PASSWORD, TODAY } from './permission-matrix/matrix-world.js';

const BASE = '/ims/oneroster/rostering/v1p2';
const COLLECTIONS = [
  ['orgs', 'org'],
  ['academicSessions', 'academicSession'],
  ['courses', 'course'],
  ['classes', 'class'],
  ['users', 'user'],
  ['enrollments', 'enrollment'],
] as const;

type OneRosterRecord = Record<string, unknown> & { sourcedId: string; dateLastModified: string };

/**
 * The municipal portal pulls the OneRoster 1.2 roster of school A through the gateway with a client-credentials
 * token (R-REP-5), every service running: the responses validate against the official description.
 */
describe('OneRoster 1.2 rostering through the API (R-REP-5)', () => {
  let system: MatrixSystem;
  let world: MatrixWorld;
  const description = new OneRosterDescription();
  let rosterToken: string;
  let gradebookToken: string;

  const tokenFor = async (scopes: ApiClientScope[]): Promise<string> => {
    const { accountId, personId, grants } = world.accountOf('sysadmin');
    const { client, secret } = await system.rpc.call(
      ApiClientsRpc.create,
      { name: 'Муниципальный портал', scopes, schoolIds: [world.schoolA] },
      { actor: { kind: 'person', accountId, personId, grants } },
    );
    const response = await postForm(system.gateway.url, AUTH_TOKEN_PATH, {
      grant_type: 'client_credentials',
      client_id: client.id,
      client_secret: secret,
    });
    if (response.status !== 200) throw new Error(`token answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { access_token: string }).access_token;
  };
  const get = (path: string, token = rosterToken) =>
    fetch(new URL(path, system.gateway.url), { headers: { authorization: `Bearer ${token}` } });
  const body = async <T>(response: Response): Promise<T> => {
    const text = await response.text();
    if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  const all = async (collection: string, query = ''): Promise<OneRosterRecord[]> =>
    (await body<Record<string, OneRosterRecord[]>>(await get(`${BASE}/${collection}?limit=10000${query}`)))[collection]!;

  beforeAll(async () => {
    system = await startMatrixSystem(new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)));
    world = await loadMatrixWorld(system.rpc, { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
    await system.settle();
    rosterToken = await tokenFor(['roster-core.readonly']);
    gradebookToken = await tokenFor(['gradebook.readonly']);
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  it('R-REP-5: a client pulls every collection and record; each response validates against the official description', async () => {
    for (const [collection, one] of COLLECTIONS) {
      const response = await get(`${BASE}/${collection}`);
      const page = await body<Record<string, OneRosterRecord[]>>(response);
      expect({ collection, errors: description.errorsOf(`/${collection}`, page) }).toEqual({ collection, errors: [] });
      const records = page[collection]!;
      expect({ collection, some: records.length > 0 }).toEqual({ collection, some: true });
      expect(response.headers.get('x-total-count')).toBe(String(records.length));
      const first = records[0]!;
      const single = await body<Record<string, OneRosterRecord>>(await get(`${BASE}/${collection}/${first.sourcedId}`));
      expect(single).toEqual({ [one]: first });
      expect(description.errorsOf(`/${collection}/{sourcedId}`, single)).toEqual([]);
    }
  });

  it('R-REP-5: the client sees only its school: school B is neither listed nor found', async () => {
    expect((await all('orgs')).map((org) => org.sourcedId)).toEqual([world.schoolA]);
    const classes = (await all('classes')).map((record) => record.sourcedId);
    expect(classes).toContain(world.resources['page:math-a'].id);
    expect(classes).not.toContain(world.resources['page:math-b'].id);
    const users = (await all('users')).map((record) => record.sourcedId);
    expect(users).toContain(world.people.student);
    expect(users).not.toContain(world.people.studentB);
    const other = await get(`${BASE}/classes/${world.resources['page:math-b'].id}`);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('R-REP-5: pages with limit and offset, X-Total-Count and a Link to the next page; sorted by a field', async () => {
    const users = await all('users', '&sort=familyName&orderBy=desc');
    const names = users.map((user) => String(user.familyName));
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    const first = await get(`${BASE}/users?limit=2&sort=familyName&orderBy=desc`);
    expect(first.headers.get('x-total-count')).toBe(String(users.length));
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
    expect(next).toBeDefined();
    const second = await body<{ users: OneRosterRecord[] }>(await get(next!));
    expect([...(await body<{ users: OneRosterRecord[] }>(first)).users, ...second.users]).toEqual(users.slice(0, 4));
  });

  it("R-REP-5: filter=dateLastModified>'…' pulls only changes; simple field filters work", async () => {
    const enrollments = await all('enrollments');
    const latest = enrollments.map((record) => record.dateLastModified).sort().at(-1)!;
    expect(await all('enrollments', `&filter=${encodeURIComponent(`dateLastModified>'${latest}'`)}`)).toEqual([]);
    const sinceEver = await all('enrollments', `&filter=${encodeURIComponent("dateLastModified>'2000-01-01T00:00:00Z'")}`);
    expect(sinceEver).toHaveLength(enrollments.length);
    const teachers = await all('enrollments', `&filter=${encodeURIComponent("role='teacher'")}`);
    expect(teachers.length).toBeGreaterThan(0);
    expect(teachers.every((record) => record.role === 'teacher')).toBe(true);
    const malformed = await get(`${BASE}/enrollments?filter=${encodeURIComponent('role=teacher')}`);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it("R-REP-5: filter=roles.role='teacher' finds the teachers; a field the records do not have is refused (400)", async () => {
    const users = await all('users');
    const teachers = await all('users', `&filter=${encodeURIComponent("roles.role='teacher'")}`);
    const expected = users.filter((user) => (user.roles as Array<{ role: string }>).some((role) => role.role === 'teacher'));
    expect(expected.length).toBeGreaterThan(0);
    expect(teachers.map((user) => user.sourcedId)).toEqual(expected.map((user) => user.sourcedId));
    for (const query of ["filter=foo%3D'bar'", "filter=role%3D'teacher'", 'sort=foo', 'fields=sourcedId,foo']) {
      const refused = await get(`${BASE}/users?${query}`);
      expect({ query, status: refused.status }).toEqual({ query, status: 400 });
      expect(await refused.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });

  it('R-REP-5: a person session and a client without a roster scope are refused', async () => {
    const sysadmin = await loginThroughDevIdp(system.gateway.url, 'sysadmin', PASSWORD);
    const asPerson = await sysadmin.get(`${BASE}/orgs`);
    expect(asPerson.status).toBe(403);
    expect(await asPerson.json()).toMatchObject({ code: 'FORBIDDEN' });
    const withoutScope = await get(`${BASE}/users`, gradebookToken);
    expect(withoutScope.status).toBe(403);
    expect((await get(`${BASE}/users`, 'not-a-token')).status).toBe(401);
  });
});
