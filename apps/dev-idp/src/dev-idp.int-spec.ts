import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { CookieJar, putDevIdpUser, putDevIdpUserWithSnils, TEST_REDIS_URL } from '#testing';
import type { RunningDevIdp } from './dev-idp-options.js';
import { startDevIdp } from './start-dev-idp.js';

const CLIENT = { clientId: 'test-gateway', clientSecret: 'test-secret', redirectUris: ['http://127.0.0.1:1/callback'] };
const ADMIN_TOKEN = 'test-admin-token';
const TEACHER = { subject: 'sub-teacher-1', password: 'Пароль-1', name: 'Иванова Мария Петровна' };

interface Walk {
  status: number;
  location: URL | null;
  html: string;
}

/** Follows the IdP's redirects by hand like a browser, stopping at the client's redirect URI. */
async function walk(jar: CookieJar, start: URL, init: RequestInit = {}): Promise<Walk> {
  let url = start;
  let request = init;
  for (let hop = 0; hop < 10; hop++) {
    const cookie = jar.headerFor(url);
    const response = await fetch(url, { ...request, redirect: 'manual', headers: { ...(request.headers as object), ...(cookie ? { cookie } : {}) } });
    jar.storeFrom(url, response);
    const location = response.headers.get('location');
    if (!location) return { status: response.status, location: null, html: await response.text() };
    const next = new URL(location, url);
    if (next.href.startsWith(CLIENT.redirectUris[0]!)) return { status: response.status, location: next, html: '' };
    url = next;
    request = {};
  }
  throw new Error('too many redirects');
}

function authorizeUrl(idp: RunningDevIdp, state: string): URL {
  const url = new URL('/auth', idp.url);
  url.search = new URLSearchParams({
    client_id: CLIENT.clientId,
    redirect_uri: CLIENT.redirectUris[0]!,
    response_type: 'code',
    scope: 'openid profile',
    state,
  }).toString();
  return url;
}

function submitForm(html: string, base: string, login: string, password: string): [URL, RequestInit] {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form in: ${html}`);
  return [
    new URL(action, base),
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ login, password }).toString() },
  ];
}

function decodeIdToken(idToken: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('dev-idp: the OpenID Connect provider for development and tests', () => {
  const keyPrefix = `t${randomBytes(5).toString('hex')}`;
  let idp: RunningDevIdp;

  beforeAll(async () => {
    idp = await startDevIdp({ port: 0, clients: [CLIENT], redis: { url: TEST_REDIS_URL, keyPrefix }, adminToken: ADMIN_TOKEN, logger: false });
    await putDevIdpUser(idp.url, ADMIN_TOKEN, 'teacher1', TEACHER);
  });

  afterAll(async () => {
    await idp?.close();
    const redis = createClient({ url: TEST_REDIS_URL });
    await redis.connect();
    for await (const keys of redis.scanIterator({ MATCH: `ej:${keyPrefix}:*` })) if (keys.length) await redis.del(keys);
    await redis.close();
  });

  it('publishes its discovery document for the authorization code flow', async () => {
    const response = await fetch(new URL('/.well-known/openid-configuration', idp.url));
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: idp.url,
      authorization_endpoint: `${idp.url}/auth`,
      token_endpoint: `${idp.url}/token`,
      response_types_supported: expect.arrayContaining(['code']),
      token_endpoint_auth_methods_supported: expect.arrayContaining(['client_secret_basic', 'client_secret_post']),
      claims_supported: expect.arrayContaining(['sub', 'name']),
    });
  });

  it('explains itself at its root, in Russian, with the discovery address', async () => {
    const response = await fetch(idp.url);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Тестовый поставщик входа');
    expect(page).toContain(`${idp.url}/.well-known/openid-configuration`);
  });

  it('refuses the admin API without the admin token', async () => {
    const response = await fetch(new URL('/dev/users/intruder', idp.url), {
      method: 'PUT',
      headers: { authorization: 'Bearer wrong', 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'x', password: 'y', name: 'z' }),
    });
    expect(response.status).toBe(401);
  });

  it('loads a user idempotently: the same PUT twice leaves a working login', async () => {
    await putDevIdpUser(idp.url, ADMIN_TOKEN, 'teacher1', TEACHER);
    const jar = new CookieJar();
    const form = await walk(jar, authorizeUrl(idp, 'state-1'));
    const result = await walk(jar, ...submitForm(form.html, idp.url, 'teacher1', TEACHER.password));
    expect(result.location?.searchParams.get('code')).toEqual(expect.any(String));
  });

  it('refuses a subject that already belongs to another login', async () => {
    const response = await fetch(new URL('/dev/users/someone-else', idp.url), {
      method: 'PUT',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...TEACHER, password: 'другой' }),
    });
    expect(response.status).toBe(409);
  });

  it('shows a Russian login form with fields "login" and "password", and shows it again on a wrong password', async () => {
    const jar = new CookieJar();
    const form = await walk(jar, authorizeUrl(idp, 'state-2'));
    expect(form.status).toBe(200);
    expect(form.html).toContain('<html lang="ru">');
    expect(form.html).toMatch(/<input name="login"/);
    expect(form.html).toMatch(/<input name="password" type="password"/);

    const again = await walk(jar, ...submitForm(form.html, idp.url, 'teacher1', 'не тот пароль'));
    expect(again.location).toBeNull();
    expect(again.html).toContain('Неверный логин или пароль');
    expect(again.html).toMatch(/<input name="password"/);
  });

  it('R-ACC-1: signs in with the code flow, without consent, and issues an ID token with sub and name', async () => {
    const jar = new CookieJar();
    const form = await walk(jar, authorizeUrl(idp, 'state-3'));
    const callback = await walk(jar, ...submitForm(form.html, idp.url, 'TEACHER1', TEACHER.password));
    expect(callback.location?.searchParams.get('state')).toBe('state-3');
    const code = callback.location?.searchParams.get('code') ?? '';

    const token = await fetch(new URL('/token', idp.url), {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: CLIENT.redirectUris[0]! }).toString(),
    });
    expect(token.status).toBe(200);
    const { id_token: idToken } = (await token.json()) as { id_token: string };
    expect(decodeIdToken(idToken)).toMatchObject({ iss: idp.url, aud: CLIENT.clientId, sub: TEACHER.subject, name: TEACHER.name });
  });

  it('R-ACC-1: puts the SNILS of a user who has one into the ID token, as ESIA does, and none for the others', async () => {
    const idTokenOf = async (login: string, password: string, state: string) => {
      const jar = new CookieJar();
      const form = await walk(jar, authorizeUrl(idp, state));
      const callback = await walk(jar, ...submitForm(form.html, idp.url, login, password));
      const token = await fetch(new URL('/token', idp.url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: callback.location?.searchParams.get('code') ?? '',
          redirect_uri: CLIENT.redirectUris[0]!,
          client_id: CLIENT.clientId,
          client_secret: CLIENT.clientSecret,
        }).toString(),
      });
      return decodeIdToken(((await token.json()) as { id_token: string }).id_token);
    };
    const parent = { subject: 'sub-parent-1', password: 'Пароль-2', name: 'Петров Олег Игоревич', snils: '112-233-445 95' };
    await putDevIdpUserWithSnils(idp.url, ADMIN_TOKEN, 'parent1', parent);
    expect(await idTokenOf('parent1', parent.password, 'state-5')).toMatchObject({ sub: parent.subject, snils: parent.snils });
    expect(await idTokenOf('teacher1', TEACHER.password, 'state-6')).not.toHaveProperty('snils');

    // Put again without a SNILS: the claim is gone.
    await putDevIdpUser(idp.url, ADMIN_TOKEN, 'parent1', { subject: parent.subject, password: parent.password, name: parent.name });
    expect(await idTokenOf('parent1', parent.password, 'state-7')).not.toHaveProperty('snils');
  });

  it('accepts client_secret_post at the token endpoint too', async () => {
    const jar = new CookieJar();
    const form = await walk(jar, authorizeUrl(idp, 'state-4'));
    const callback = await walk(jar, ...submitForm(form.html, idp.url, 'teacher1', TEACHER.password));
    const token = await fetch(new URL('/token', idp.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: callback.location?.searchParams.get('code') ?? '',
        redirect_uri: CLIENT.redirectUris[0]!,
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
      }).toString(),
    });
    expect(token.status).toBe(200);
  });
});
