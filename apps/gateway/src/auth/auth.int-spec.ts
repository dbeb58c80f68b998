import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiSession, signInThroughDevIdp } from '#testing';
import { startDevIdp } from '../../../dev-idp/src/start-dev-idp.js';
import { startGateway } from '../start-gateway.js';
import { CLASS_5A, CHILD, PARENT, REVOKED, STRANGER, STUDENT, TEACHER, type TestPerson } from '../testing/fake-world.js';
import { type GatewayHarness, startGatewayHarness } from '../testing/gateway-harness.js';

describe('gateway: signing in through OpenID Connect', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness(startDevIdp);
  });

  afterAll(async () => {
    await harness?.dispose();
  });

  const signIn = (person: TestPerson, options?: { returnTo?: string; finishAt?: string }) =>
    signInThroughDevIdp(harness.gateway.url, person.login, person.password, options);

  it('R-ACC-1: a teacher signs in at the provider and GET /api/v1/me tells who they are', async () => {
    const session = await harness.login(TEACHER);
    const response = await session.get('/api/v1/me');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      accountId: TEACHER.account.accountId,
      personId: TEACHER.account.personId,
      name: TEACHER.account.name,
      grants: TEACHER.account.grants,
      csrfToken: session.csrfToken,
      classesLed: [CLASS_5A],
      children: [],
    });
  });

  it('R-ACC-1: a parent signs in and sees their children in GET /api/v1/me', async () => {
    const session = await harness.login(PARENT);
    expect(await (await session.get('/api/v1/me')).json()).toMatchObject({ classesLed: [], children: [CHILD] });
  });

  it('sets an HttpOnly, SameSite=Lax session cookie for the whole site and goes to /api/v1/me by default', async () => {
    const { response } = await signIn(TEACHER);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/api/v1/me');
    const cookie = response.headers.getSetCookie().find((header) => header.startsWith('ej_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
  });

  it('returns to the same-site path it was asked to, and never to another site', async () => {
    const inside = await signIn(TEACHER, { returnTo: '/lessons/today?tab=marks' });
    expect(inside.response.headers.get('location')).toBe('/lessons/today?tab=marks');
    for (const outside of ['https://evil.example/steal', '//evil.example/x', '/\\evil.example']) {
      const { response } = await signIn(TEACHER, { returnTo: outside });
      expect(response.headers.get('location')).toBe('/api/v1/me');
    }
  });

  it('R-ACC-1: a subject unknown to identity gets a 403 problem and no session', async () => {
    const { response } = await signIn(STRANGER);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({
      type: 'https://ejournal.local/problems/account-unknown',
      status: 403,
      code: 'ACCOUNT_UNKNOWN',
      detail: 'Учётная запись не найдена: обратитесь к администратору школы',
    });
    expect(response.headers.getSetCookie().some((header) => header.startsWith('ej_session='))).toBe(false);
  });

  it('R-ACC-1: a revoked account gets a 403 problem and no session', async () => {
    const { response } = await signIn(REVOKED);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'ACCOUNT_REVOKED' });
    expect(response.headers.getSetCookie().some((header) => header.startsWith('ej_session='))).toBe(false);
  });

  it('a student is refused at login with 403 STUDENT_ACCESS_FORBIDDEN and gets no session', async () => {
    const { response, jar } = await signIn(STUDENT);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'STUDENT_ACCESS_FORBIDDEN', title: 'Обучающимся доступ к журналу запрещён' });
    expect(jar.get(harness.gateway.url, 'ej_session')).toBeUndefined();
  });

  it('refuses a callback whose state it never issued (401), so a forged login cannot plant a session', async () => {
    const response = await harness.anonymous().get('/api/v1/auth/callback?code=forged&state=never-issued-state');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('finishes on another replica a login started on this one (the OIDC state lives in Redis)', async () => {
    const replica = await startGateway({ ...harness.config, port: 0 });
    try {
      const { response, jar } = await signIn(TEACHER, { finishAt: replica.url });
      expect(response.status).toBe(302);
      const elsewhere = new ApiSession(harness.gateway.url, jar);
      expect((await elsewhere.get('/api/v1/me')).status).toBe(200);
    } finally {
      await replica.close();
    }
  });

  it('logs out: without the CSRF header the session survives; with it the session ends', async () => {
    const session = await harness.login(TEACHER);
    const forged = await session.post('/api/v1/auth/logout', undefined, { csrf: false });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ code: 'CSRF_FAILED' });
    expect((await session.get('/api/v1/me')).status).toBe(200);

    const logout = await session.post('/api/v1/auth/logout');
    expect(logout.status).toBe(204);
    const after = await session.get('/api/v1/me');
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('after signing out, signing in again asks the provider for the password: a shared computer never passes a session on', async () => {
    const session = await harness.login(TEACHER);
    expect((await session.post('/api/v1/auth/logout')).status).toBe(204);
    // The same browser (its cookies for the gateway and the provider) starts a new sign-in and follows the redirects.
    let url = new URL('/api/v1/auth/login', harness.gateway.url);
    let response = await fetch(url, { redirect: 'manual' });
    for (let hop = 0; hop < 10 && response.status >= 300 && response.status < 400; hop++) {
      session.jar.storeFrom(url, response);
      url = new URL(response.headers.get('location')!, url);
      const cookie = session.jar.headerFor(url);
      response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    }
    expect(url.pathname).not.toBe('/api/v1/auth/callback');
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/type="password"/);
  });
});
