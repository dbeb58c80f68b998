import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClientsRpc, type ApiClientScope, MarksRpc, MunicipalAttendanceFeed, MunicipalPerformance } from '#contracts';
import { FixedClock } from '#platform';
import { AUTH_TOKEN_PATH, loginThroughDevIdp, ONEROSTER_GRADEBOOK_DESCRIPTION_FILE, OneRosterDescription, postForm } from '#testing';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from './permission-matrix/matrix-system.js';
import { actorOf, loadMatrixWorld, type MatrixWorld, PASSWORD, TODAY } from './permission-matrix/matrix-world.js';

const BASE = '/ims/oneroster/gradebook/v1p2';
const COLLECTIONS = [
  ['categories', 'category'],
  ['lineItems', 'lineItem'],
  ['results', 'result'],
] as const;

type GradebookRecord = Record<string, unknown> & { sourcedId: string; status: string; dateLastModified: string };

/**
 * The municipal portal pulls school A's OneRoster 1.2 gradebook, its performance figures and its attendance feed
 * through the gateway with client-credentials tokens (R-REP-5), every service running; the gradebook responses
 * validate against the OneRoster 1.2 gradebook data model, and the OpenAPI document describes every new path.
 */
describe('OneRoster 1.2 gradebook and the municipal reads through the API (R-REP-5)', () => {
  let system: MatrixSystem;
  let world: MatrixWorld;
  const description = new OneRosterDescription(ONEROSTER_GRADEBOOK_DESCRIPTION_FILE);
  let gradebookToken: string;
  let municipalToken: string;
  let rosterToken: string;

  const tokenResponse = async (scopes: ApiClientScope[], requested?: string): Promise<{ access_token: string; scope: string }> => {
    const { client, secret } = await system.rpc.call(
      ApiClientsRpc.create,
      { name: 'Муниципальный портал', scopes, schoolIds: [world.schoolA] },
      { actor: actorOf(world, 'sysadmin') },
    );
    const response = await postForm(system.gateway.url, AUTH_TOKEN_PATH, {
      grant_type: 'client_credentials',
      client_id: client.id,
      client_secret: secret,
      ...(requested ? { scope: requested } : {}),
    });
    if (response.status !== 200) throw new Error(`token answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { access_token: string; scope: string };
  };
  const tokenFor = async (scopes: ApiClientScope[]): Promise<string> => (await tokenResponse(scopes)).access_token;
  const get = (path: string, token = gradebookToken) =>
    fetch(new URL(path, system.gateway.url), { headers: { authorization: `Bearer ${token}` } });
  const body = async <T>(response: Response): Promise<T> => {
    const text = await response.text();
    if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  const all = async (collection: string, query = ''): Promise<GradebookRecord[]> =>
    (await body<Record<string, GradebookRecord[]>>(await get(`${BASE}/${collection}?limit=10000${query}`)))[collection]!;
  const secondQuarter = () => world.years.a.periods.find((period) => period.number === 2)!.id;

  beforeAll(async () => {
    system = await startMatrixSystem(new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)));
    world = await loadMatrixWorld(system.rpc, { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
    await system.settle();
    gradebookToken = await tokenFor(['gradebook.readonly']);
    municipalToken = await tokenFor(['performance.readonly', 'attendance.readonly']);
    rosterToken = await tokenFor(['roster-core.readonly']);
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  it('R-REP-5: a client pulls every gradebook collection and record; each response follows the gradebook data model', async () => {
    for (const [collection, one] of COLLECTIONS) {
      const response = await get(`${BASE}/${collection}`);
      const page = await body<Record<string, GradebookRecord[]>>(response);
      expect({ collection, errors: description.errorsOf(`/${collection}`, page) }).toEqual({ collection, errors: [] });
      const records = page[collection]!;
      expect({ collection, some: records.length > 0 }).toEqual({ collection, some: true });
      expect(response.headers.get('x-total-count')).toBe(String(records.length));
      const single = await body<Record<string, GradebookRecord>>(await get(`${BASE}/${collection}/${records[0]!.sourcedId}`));
      expect(single).toEqual({ [one]: records[0] });
      expect(description.errorsOf(`/${collection}/{sourcedId}`, single)).toEqual([]);
      for (const unknown of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const missing = await get(`${BASE}/${collection}/${unknown}`);
        expect({ collection, unknown, status: missing.status }).toEqual({ collection, unknown, status: 404 });
      }
    }
    // A page holds at most 500 results, whatever limit asks; the links say so.
    const capped = await get(`${BASE}/results?limit=10000`);
    expect(capped.headers.get('link')).toContain('limit=500');
    const results = await all('results');
    expect(results.find((result) => result.sourcedId === world.marks.changed)).toMatchObject({
      status: 'active',
      score: 5,
      scoreStatus: 'fully graded',
      scoreDate: TODAY,
      student: { sourcedId: world.people.student, type: 'user' },
      class: { sourcedId: world.resources['page:math-a'].id, type: 'class' },
    });
  });

  it('R-REP-5: the line items and results of one class; a class of another school is not found', async () => {
    const page = world.resources['page:math-a'].id;
    const response = await get(`${BASE}/classes/${page}/results`);
    const results = (await body<{ results: GradebookRecord[] }>(response)).results;
    expect(description.errorsOf('/classes/{classSourcedId}/results', { results })).toEqual([]);
    expect(results.map((result) => result.sourcedId)).toEqual(
      expect.arrayContaining([world.marks.changed, world.marks.deletedBy.teacher, world.marks.deletedBy.substitute]),
    );
    const lineItems = (await body<{ lineItems: GradebookRecord[] }>(await get(`${BASE}/classes/${page}/lineItems`))).lineItems;
    expect(description.errorsOf('/classes/{classSourcedId}/lineItems', { lineItems })).toEqual([]);
    const lineItem = (results[0]!.lineItem as { sourcedId: string }).sourcedId;
    expect(lineItems.map((item) => item.sourcedId)).toContain(lineItem);
    const ofItem = await body<{ results: GradebookRecord[] }>(await get(`${BASE}/classes/${page}/lineItems/${lineItem}/results`));
    expect(ofItem.results.every((result) => (result.lineItem as { sourcedId: string }).sourcedId === lineItem)).toBe(true);
    const ofStudent = await body<{ results: GradebookRecord[] }>(await get(`${BASE}/classes/${page}/students/${world.people.student}/results`));
    expect(ofStudent.results.length).toBeGreaterThan(0);
    const other = await get(`${BASE}/classes/${world.resources['page:math-b'].id}/results`);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("R-REP-5: filter=dateLastModified>'…' pulls a deleted mark as tobedeleted, and nothing else", async () => {
    const latest = (await all('results')).map((result) => result.dateLastModified).sort().at(-1)!;
    const lessonId = world.resources['lesson:math-a-substituted'].id;
    await system.rpc.call(MarksRpc.delete, { lessonId, markId: world.marks.deletedBy.teacher, reason: 'Ошибка' }, { actor: actorOf(world, 'predecessor') });
    await system.settle();
    const delta = await all('results', `&filter=${encodeURIComponent(`dateLastModified>'${latest}'`)}`);
    expect(delta.map(({ sourcedId, status, score }) => ({ sourcedId, status, score }))).toEqual([
      { sourcedId: world.marks.deletedBy.teacher, status: 'tobedeleted', score: 3 },
    ]);
    expect(description.errorsOf('/results', { results: delta })).toEqual([]);
  });

  it('R-REP-5: results sorted by dateLastModified (then sourcedId) either way, page after page', async () => {
    const results = await all('results');
    const byChange = [...results].sort(
      (a, b) => Date.parse(a.dateLastModified) - Date.parse(b.dateLastModified) || (a.sourcedId < b.sourcedId ? -1 : 1),
    );
    const ids = (records: GradebookRecord[]) => records.map((record) => record.sourcedId);
    expect(ids(await all('results', '&sort=dateLastModified'))).toEqual(ids(byChange));
    expect(ids(await all('results', '&sort=dateLastModified&orderBy=desc'))).toEqual(ids(byChange).reverse());
    const pages = [];
    for (let offset = 0; offset < results.length; offset += 7) {
      pages.push(...(await body<{ results: GradebookRecord[] }>(await get(`${BASE}/results?sort=dateLastModified&limit=7&offset=${offset}`))).results);
    }
    expect(ids(pages)).toEqual(ids(byChange));
    for (const status of ['active', 'tobedeleted']) {
      const filtered = await all('results', `&filter=${encodeURIComponent(`status='${status}'`)}`);
      expect({ status, ids: ids(filtered) }).toEqual({ status, ids: ids(results.filter((record) => record.status === status)) });
      expect({ status, some: filtered.length > 0 }).toEqual({ status, some: true });
    }
    const since = '2000-01-01T00:00:00Z';
    const removedSince = await all('results', `&filter=${encodeURIComponent(`dateLastModified>'${since}' AND status='tobedeleted'`)}`);
    expect(ids(removedSince)).toEqual(ids(results.filter((record) => record.status === 'tobedeleted')));
    const unknown = await get(`${BASE}/results?sort=familyName`);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('R-REP-5: performance figures of a granted school by class and subject; another school is not found', async () => {
    const url = (schoolId: string, groupBy: string) =>
      `/api/v1/municipal/performance?schoolId=${schoolId}&periodId=${secondQuarter()}&groupBy=${groupBy}`;
    const byClass = await body<{ groups: Array<{ key: string; students: number; passRate: string | null }>; total: { students: number } }>(
      await get(url(world.schoolA, 'class'), municipalToken),
    );
    expect(MunicipalPerformance.safeParse(byClass).error?.issues).toBeUndefined();
    expect(byClass.groups.map((group) => group.key)).toContain(world.resources['class:6a'].id);
    expect(byClass.total.students).toBeGreaterThan(0);
    const bySubject = await body<{ groups: Array<{ key: string }> }>(await get(url(world.schoolA, 'subject'), municipalToken));
    expect(bySubject.groups.map((group) => group.key)).toContain('math');
    const other = await get(url(world.schoolB, 'class'), municipalToken);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('R-REP-5: the attendance feed per class and day, and since=cursor for changes only', async () => {
    const url = (since?: string) =>
      `/api/v1/municipal/attendance?schoolId=${world.schoolA}&from=2026-12-01&to=2026-12-07${since ? `&since=${encodeURIComponent(since)}` : ''}`;
    const response = await get(url(), municipalToken);
    const feed = await body<{ days: Array<{ classId: string; date: string; absent: number }>; cursor: string | null; total: number }>(response);
    expect(MunicipalAttendanceFeed.safeParse(feed).error?.issues).toBeUndefined();
    expect(feed.days).toContainEqual(expect.objectContaining({ classId: world.resources['class:6a'].id, date: TODAY, absent: 1 }));
    expect(response.headers.get('x-total-count')).toBe(String(feed.total));
    expect(feed.cursor).not.toBeNull();
    const again = await body<{ days: unknown[]; total: number }>(await get(url(feed.cursor!), municipalToken));
    expect(again).toMatchObject({ days: [], total: 0 });
  });

  it('R-REP-5: people and clients without the scope are refused', async () => {
    const sysadmin = await loginThroughDevIdp(system.gateway.url, 'sysadmin', PASSWORD);
    const asPerson = await sysadmin.get(`${BASE}/results`);
    expect(asPerson.status).toBe(403);
    expect(await asPerson.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await get(`${BASE}/results`, rosterToken)).status).toBe(403);
    expect((await get(`${BASE}/results`, municipalToken)).status).toBe(403);
    const performance = `/api/v1/municipal/performance?schoolId=${world.schoolA}&periodId=${secondQuarter()}`;
    expect((await get(performance, gradebookToken)).status).toBe(403);
    expect((await sysadmin.get(performance)).status).toBe(403);
    expect((await get(`/api/v1/municipal/attendance?schoolId=${world.schoolA}&from=2026-12-01&to=2026-12-07`, rosterToken)).status).toBe(403);
  });

  it('R-REP-5: a client may ask for its scopes by their OneRoster URIs and gets only those', async () => {
    const issued = await tokenResponse(['gradebook.readonly', 'performance.readonly'], 'https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly');
    expect(issued.scope).toBe('gradebook.readonly');
    expect((await get(`${BASE}/categories`, issued.access_token)).status).toBe(200);
    const performance = `/api/v1/municipal/performance?schoolId=${world.schoolA}&periodId=${secondQuarter()}`;
    expect((await get(performance, issued.access_token)).status).toBe(403);
  });

  it('R-REP-5: the OpenAPI document lists the new paths with their scopes and response schemas', async () => {
    const document = (await (await fetch(new URL('/api/openapi.json', system.gateway.url))).json()) as {
      paths: Record<
        string,
        {
          get?: {
            parameters?: Array<{ name: string; in: string }>;
            security?: Array<Record<string, string[]>>;
            responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
          };
        }
      >;
      components: { securitySchemes: Record<string, { flows?: { clientCredentials?: { scopes: Record<string, string> } } }> };
    };
    const expected = {
      [`${BASE}/categories`]: 'gradebook.readonly',
      [`${BASE}/categories/{sourcedId}`]: 'gradebook.readonly',
      [`${BASE}/lineItems`]: 'gradebook.readonly',
      [`${BASE}/lineItems/{sourcedId}`]: 'gradebook.readonly',
      [`${BASE}/results`]: 'gradebook.readonly',
      [`${BASE}/results/{sourcedId}`]: 'gradebook.readonly',
      [`${BASE}/classes/{classSourcedId}/lineItems`]: 'gradebook.readonly',
      [`${BASE}/classes/{classSourcedId}/results`]: 'gradebook.readonly',
      [`${BASE}/classes/{classSourcedId}/lineItems/{lineItemSourcedId}/results`]: 'gradebook.readonly',
      [`${BASE}/classes/{classSourcedId}/students/{studentSourcedId}/results`]: 'gradebook.readonly',
      '/api/v1/municipal/performance': 'performance.readonly',
      '/api/v1/municipal/attendance': 'attendance.readonly',
    };
    for (const [path, scope] of Object.entries(expected)) {
      const operation = document.paths[path]?.get;
      expect({ path, security: operation?.security }).toEqual({ path, security: expect.arrayContaining([{ 'client-credentials': [scope] }]) });
      expect({ path, schema: operation?.responses['200']?.content?.['application/json']?.schema !== undefined }).toEqual({ path, schema: true });
    }
    const parameters = (path: string) => (document.paths[path]?.get?.parameters ?? []).map((parameter) => `${parameter.in}:${parameter.name}`);
    expect(parameters('/api/v1/municipal/performance')).toEqual(expect.arrayContaining(['query:schoolId', 'query:periodId', 'query:groupBy']));
    expect(parameters('/api/v1/municipal/attendance')).toEqual(
      expect.arrayContaining(['query:schoolId', 'query:from', 'query:to', 'query:since', 'query:limit', 'query:offset']),
    );
    expect(parameters(`${BASE}/classes/{classSourcedId}/results`)).toEqual(
      expect.arrayContaining(['path:classSourcedId', 'query:limit', 'query:offset', 'query:sort', 'query:filter', 'query:fields']),
    );
    expect(document.paths['/ims/oneroster/rostering/v1p2/orgs']?.get?.security).toEqual(
      expect.arrayContaining([{ 'client-credentials': ['roster.readonly'] }, { 'client-credentials': ['roster-core.readonly'] }]),
    );
    expect(Object.keys(document.components.securitySchemes['client-credentials']?.flows?.clientCredentials?.scopes ?? {})).toEqual(
      expect.arrayContaining(['gradebook.readonly', 'performance.readonly', 'attendance.readonly']),
    );
  });
});
