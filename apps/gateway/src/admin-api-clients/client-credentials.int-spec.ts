import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type CreatedApiClient, IdentityRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { FixedClock, type RunningService, RpcClient } from '#platform';
import {
  type ApiSession,
  AUTH_TOKEN_PATH,
  createTestDeployment,
  freePort,
  loginThroughDevIdp,
  postForm,
  putDevIdpUser,
  startTestService,
  TEST_NOW,
  TEST_REDIS_URL,
  type TestDeployment,
} from '#testing';
import { startDevIdp } from '../../../dev-idp/src/start-dev-idp.js';
import type { RunningDevIdp } from '../../../dev-idp/src/dev-idp-options.js';
import { identityServiceSpec } from '../../../identity/src/identity.service-spec.js';
import { type RunningGateway, startGateway } from '../start-gateway.js';

const ADMIN_TOKEN = 'client-credentials-test-admin';
const PEOPLE = {
  sysadmin: { login: 'sysadmin', lastName: 'Волков', firstName: 'Игорь', role: 'sysadmin' },
  teacher: { login: 'teacher', lastName: 'Смирнова', firstName: 'Анна', role: 'teacher' },
} as const;

interface ClientToken {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

/** The real identity service, the real dev IdP and the gateway: an administrator creates a municipal portal client. */
describe('gateway: machine clients with OAuth2 client credentials (R-REP-5)', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let idp: RunningDevIdp;
  let gateway: RunningGateway;
  let schoolId: string;
  let sysadmin: ApiSession;
  let teacher: ApiSession;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    const rpc = identity.app.get(RpcClient);
    const asSystem = { actor: SYSTEM_SEED_ACTOR };
    ({ id: schoolId } = await rpc.call(
      IdentityRpc.upsertSchool,
      {
        externalKey: 'test:municipal:school',
        name: 'МБОУ «Тестовая СОШ № 9»',
        timeZone: 'Asia/Yekaterinburg',
        markScaleMin: 2,
        workKinds: [{ code: 'answer', nameRu: 'Ответ на уроке', weight: '1' }],
      },
      asSystem,
    ));
    const { ids } = await rpc.call(
      IdentityRpc.upsertPeople,
      { people: Object.values(PEOPLE).map(({ login, lastName, firstName }) => ({ externalKey: login, lastName, firstName, middleName: null })) },
      asSystem,
    );
    await rpc.call(
      IdentityRpc.upsertAccounts,
      {
        accounts: Object.values(PEOPLE).map(({ login, role }) => ({
          externalKey: `account:${login}`,
          personId: ids[login]!,
          subject: `sub-${login}`,
          grants: [{ role, schoolId }],
        })),
      },
      asSystem,
    );

    const port = await freePort();
    const gatewayUrl = `http://127.0.0.1:${port}`;
    const redirectUrl = `${gatewayUrl}/api/v1/auth/callback`;
    const client = { clientId: 'ejournal-gateway', clientSecret: randomBytes(16).toString('hex'), redirectUris: [redirectUrl] };
    idp = await startDevIdp({
      port: 0,
      clients: [client],
      redis: { url: TEST_REDIS_URL, keyPrefix: deployment.nats.prefix },
      adminToken: ADMIN_TOKEN,
      logger: false,
    });
    for (const { login, lastName, firstName } of Object.values(PEOPLE)) {
      await putDevIdpUser(idp.url, ADMIN_TOKEN, login, { subject: `sub-${login}`, password: `pw-${login}`, name: `${lastName} ${firstName}` });
    }
    gateway = await startGateway({
      port,
      host: '127.0.0.1',
      publicUrl: gatewayUrl,
      oidc: { issuer: idp.url, clientId: client.clientId, clientSecret: client.clientSecret, redirectUrl, scopes: ['profile'] },
      redisUrl: TEST_REDIS_URL,
      nats: deployment.nats,
      sessionTtlSeconds: 3_600,
      cookieSecure: false,
      clock: new FixedClock(TEST_NOW),
      rpcTimeoutMs: 15_000,
      logger: false,
    });
    sysadmin = await loginThroughDevIdp(gateway.url, 'sysadmin', 'pw-sysadmin');
    teacher = await loginThroughDevIdp(gateway.url, 'teacher', 'pw-teacher');
  });

  afterAll(async () => {
    await gateway?.close();
    await idp?.close();
    await identity?.close();
    await deployment?.dispose();
  });

  const createClient = async (): Promise<CreatedApiClient> => {
    const response = await sysadmin.post('/api/v1/admin/api-clients', {
      name: 'Муниципальный портал «Сетевой город»',
      scopes: ['roster.readonly', 'gradebook.readonly'],
      schoolIds: [schoolId],
    });
    if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as CreatedApiClient;
  };
  const basic = (clientId: string, secret: string) => `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
  const tokenByBasic = (clientId: string, secret: string, form: Record<string, string> = {}) =>
    postForm(gateway.url, AUTH_TOKEN_PATH, { grant_type: 'client_credentials', ...form }, { authorization: basic(clientId, secret) });
  const withBearer = (accessToken: string, path = '/api/v1/me') =>
    fetch(new URL(path, gateway.url), { headers: { authorization: `Bearer ${accessToken}` } });

  it('an administrator creates a client and sees its secret once; the list never shows it', async () => {
    const response = await sysadmin.post('/api/v1/admin/api-clients', {
      name: 'Портал',
      scopes: ['roster-core.readonly'],
      schoolIds: [schoolId],
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const created = (await response.json()) as CreatedApiClient;
    expect(created).toEqual({
      client: expect.objectContaining({ name: 'Портал', scopes: ['roster-core.readonly'], schoolIds: [schoolId], status: 'active' }),
      secret: expect.stringMatching(/^[\w-]{43}$/),
    });
    const list = await sysadmin.get('/api/v1/admin/api-clients');
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).toContain(created.client.id);
    expect(text).not.toContain(created.secret);
  });

  it('a teacher may not manage clients', async () => {
    const response = await teacher.post('/api/v1/admin/api-clients', { name: 'Моя система', scopes: ['roster.readonly'], schoolIds: [schoolId] });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await teacher.get('/api/v1/admin/api-clients')).status).toBe(403);
  });

  it('R-REP-5: the client gets an hour-long bearer token with client_secret_basic and with client_secret_post', async () => {
    const { client, secret } = await createClient();
    const byBasic = await tokenByBasic(client.id, secret);
    expect(byBasic.status).toBe(200);
    expect(byBasic.headers.get('cache-control')).toBe('no-store');
    expect(await byBasic.json()).toEqual({
      access_token: expect.stringMatching(/^[\w-]{43}$/),
      token_type: 'Bearer',
      expires_in: 3_600,
      scope: 'gradebook.readonly roster.readonly',
    });
    const byPost = await postForm(gateway.url, AUTH_TOKEN_PATH, {
      grant_type: 'client_credentials',
      client_id: client.id,
      client_secret: secret,
      scope: 'roster.readonly',
    });
    expect(byPost.status).toBe(200);
    expect(await byPost.json()).toMatchObject({ token_type: 'Bearer', scope: 'roster.readonly' });
  });

  it('refuses a wrong secret, a scope not granted, and two ways of authenticating at once', async () => {
    const { client, secret } = await createClient();
    const wrong = await tokenByBasic(client.id, `${secret}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    expect(await (await tokenByBasic(client.id, secret, { scope: 'roster.readonly everything' })).json()).toMatchObject({
      error: 'invalid_scope',
    });
    expect(await (await tokenByBasic(client.id, secret, { client_id: client.id, client_secret: secret })).json()).toMatchObject({
      error: 'invalid_request',
    });
  });

  it('a client token authenticates (the client actor), and is refused where the policy has no client rule', async () => {
    const { client, secret } = await createClient();
    const { access_token } = (await (await tokenByBasic(client.id, secret)).json()) as ClientToken;
    for (const path of ['/api/v1/me', '/api/v1/children', '/api/v1/admin/api-clients']) {
      const response = await withBearer(access_token, path);
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
      expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    const unknown = await withBearer(randomBytes(32).toString('base64url'));
    expect(unknown.status).toBe(401);
  });

  it('revoking the client ends its tokens at once, and it gets no new ones', async () => {
    const { client, secret } = await createClient();
    const { access_token } = (await (await tokenByBasic(client.id, secret)).json()) as ClientToken;
    expect((await withBearer(access_token)).status).toBe(403);
    const revoked = await sysadmin.post(`/api/v1/admin/api-clients/${client.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ id: client.id, status: 'revoked' });
    expect((await withBearer(access_token)).status).toBe(401);
    expect(await (await tokenByBasic(client.id, secret)).json()).toMatchObject({ error: 'invalid_client' });
  });
});
