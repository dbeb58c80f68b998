import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AUTH_REVOKE_PATH,
  AUTH_TOKEN_PATH,
  type MobileAuthorizeRequest,
  type MobileTokens,
  mobileTokensThroughDevIdp,
  pkcePair,
  postForm,
  signInMobileThroughDevIdp,
} from '#testing';
import { startDevIdp } from '../../../dev-idp/src/start-dev-idp.js';
import { DEFAULT_TOKEN_SETTINGS } from '../config/auth-settings.js';
import { STUDENT, TEACHER, type TestPerson } from '../testing/fake-world.js';
import { type GatewayHarness, startGatewayHarness } from '../testing/gateway-harness.js';

const APP = { clientId: 'ejournal-mobile', redirectUri: 'ejournal://auth' };

describe('gateway: mobile sign-in with PKCE and bearer tokens', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness(startDevIdp);
  });

  afterAll(async () => {
    await harness?.dispose();
  });

  const authorize = (person: TestPerson, request: Partial<MobileAuthorizeRequest> & { challenge: string }) =>
    signInMobileThroughDevIdp(harness.gateway.url, person.login, person.password, { ...APP, state: 'app-state-1', ...request });
  const token = (form: Record<string, string>) => postForm(harness.gateway.url, AUTH_TOKEN_PATH, form);
  const withBearer = (accessToken: string, path = '/api/v1/me', init: RequestInit = {}) =>
    fetch(new URL(path, harness.gateway.url), { ...init, headers: { authorization: `Bearer ${accessToken}`, ...init.headers } });

  const signInApp = (person: TestPerson) => mobileTokensThroughDevIdp(harness.gateway.url, person.login, person.password, APP);
  const clientOf = () => ({ client_id: APP.clientId, redirect_uri: APP.redirectUri });
  const refresh = (refreshToken: string) => token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: APP.clientId });

  it('R-ACC-1: authorize → provider → code at the app → tokens → API with Bearer → refresh → revoke → 401', async () => {
    const { verifier, challenge } = pkcePair();
    const { response, appRedirect } = await authorize(TEACHER, { challenge, state: 'xyz-42' });
    expect(response.status).toBe(302);
    expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith('ej_session='))).toBe(false);
    expect(`${appRedirect?.protocol}//${appRedirect?.host}`).toBe('ejournal://auth');
    expect(appRedirect?.searchParams.get('state')).toBe('xyz-42');
    const code = appRedirect?.searchParams.get('code') ?? '';
    expect(code).toMatch(/^[\w-]{43}$/);

    const exchanged = await token({ grant_type: 'authorization_code', code, code_verifier: verifier, ...clientOf() });
    expect(exchanged.status).toBe(200);
    expect(exchanged.headers.get('cache-control')).toBe('no-store');
    const tokens = (await exchanged.json()) as MobileTokens;
    expect(tokens).toEqual({
      access_token: expect.stringMatching(/^[\w-]{43}$/),
      refresh_token: expect.stringMatching(/^[\w-]{43}$/),
      token_type: 'Bearer',
      expires_in: DEFAULT_TOKEN_SETTINGS.accessTokenTtlSeconds,
    });

    const me = await withBearer(tokens.access_token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ accountId: TEACHER.account.accountId, personId: TEACHER.account.personId });

    const refreshed = await refresh(tokens.refresh_token);
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as MobileTokens;
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    expect(next.access_token).not.toBe(tokens.access_token);
    expect((await withBearer(next.access_token)).status).toBe(200);

    const revoked = await postForm(harness.gateway.url, AUTH_REVOKE_PATH, { token: next.refresh_token, token_type_hint: 'refresh_token' });
    expect(revoked.status).toBe(200);
    const after = await withBearer(next.access_token);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await withBearer(tokens.access_token)).status).toBe(401);
    expect(await (await refresh(next.refresh_token)).json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('a Bearer request needs no CSRF token; logging out with it ends the tokens of that sign-in', async () => {
    const tokens = await signInApp(TEACHER);
    const logout = await withBearer(tokens.access_token, '/api/v1/auth/logout', { method: 'POST' });
    expect(logout.status).toBe(204);
    expect((await withBearer(tokens.access_token)).status).toBe(401);
    expect((await refresh(tokens.refresh_token)).status).toBe(400);
  });

  it('an Authorization header that is not a live token is nobody, even next to a valid session cookie', async () => {
    const web = await harness.login(TEACHER);
    const cookie = web.jar.headerFor(new URL('/api/v1/me', harness.gateway.url))!;
    const response = await fetch(new URL('/api/v1/me', harness.gateway.url), { headers: { cookie, authorization: 'Bearer not-a-token-at-all-000000' } });
    expect(response.status).toBe(401);
    expect((await web.get('/api/v1/me')).status).toBe(200);
  });

  it('R-ACC-1: a student goes back to the app with access_denied and no code, as the web refuses them', async () => {
    const { challenge } = pkcePair();
    const { appRedirect } = await authorize(STUDENT, { challenge, state: 'st' });
    expect(appRedirect?.searchParams.get('code')).toBeNull();
    expect(appRedirect?.searchParams.get('error')).toBe('access_denied');
    expect(appRedirect?.searchParams.get('error_description')).toBe('Обучающимся доступ к электронному журналу запрещён');
    expect(appRedirect?.searchParams.get('state')).toBe('st');
  });

  it('refuses an unknown app or a redirect URI not registered, without redirecting anywhere', async () => {
    const { challenge } = pkcePair();
    for (const wrong of [{ clientId: 'someone-else' }, { redirectUri: 'evil://steal' }, { redirectUri: 'https://evil.example/cb' }]) {
      const { response, appRedirect } = await authorize(TEACHER, { challenge, ...wrong });
      expect({ wrong, status: response.status, redirected: appRedirect?.href }).toEqual({ wrong, status: 400, redirected: undefined });
      expect(await response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });

  it('takes S256 PKCE only: a plain or missing challenge goes back to the app as invalid_request', async () => {
    const { challenge } = pkcePair();
    const plain = await authorize(TEACHER, { challenge, query: { code_challenge_method: 'plain' } });
    expect(plain.appRedirect?.searchParams.get('error')).toBe('invalid_request');
    const missing = await authorize(TEACHER, { challenge: '' });
    expect(missing.appRedirect?.searchParams.get('error')).toBe('invalid_request');
    const implicit = await authorize(TEACHER, { challenge, query: { response_type: 'token' } });
    expect(implicit.appRedirect?.searchParams.get('error')).toBe('unsupported_response_type');
  });

  it('a code works once, and only with the verifier of its challenge and its redirect URI', async () => {
    const { verifier, challenge } = pkcePair();
    const codeOf = async () => (await authorize(TEACHER, { challenge })).appRedirect?.searchParams.get('code') ?? '';

    const stolen = await codeOf();
    const wrongVerifier = await token({ grant_type: 'authorization_code', code: stolen, code_verifier: pkcePair().verifier, ...clientOf() });
    expect(wrongVerifier.status).toBe(400);
    expect(await wrongVerifier.json()).toMatchObject({ error: 'invalid_grant' });
    const afterwards = await token({ grant_type: 'authorization_code', code: stolen, code_verifier: verifier, ...clientOf() });
    expect(await afterwards.json()).toMatchObject({ error: 'invalid_grant' });

    const elsewhere = await codeOf();
    const otherRedirect = await token({
      grant_type: 'authorization_code',
      code: elsewhere,
      code_verifier: verifier,
      client_id: APP.clientId,
      redirect_uri: 'ejournal://other',
    });
    expect(await otherRedirect.json()).toMatchObject({ error: 'invalid_grant' });

    const once = await codeOf();
    const first = await token({ grant_type: 'authorization_code', code: once, code_verifier: verifier, ...clientOf() });
    const second = await token({ grant_type: 'authorization_code', code: once, code_verifier: verifier, ...clientOf() });
    expect([first.status, second.status]).toEqual([200, 400]);
  });

  it('a refresh token works once: presenting a rotated one ends every token of that sign-in', async () => {
    const first = await signInApp(TEACHER);
    const rotated = (await (await refresh(first.refresh_token)).json()) as MobileTokens;
    expect((await withBearer(rotated.access_token)).status).toBe(200);

    const reuse = await refresh(first.refresh_token);
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await withBearer(rotated.access_token)).status).toBe(401);
    expect(await (await refresh(rotated.refresh_token)).json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('keeps other sign-ins of the same person when one family ends', async () => {
    const phone = await signInApp(TEACHER);
    const tablet = await signInApp(TEACHER);
    await postForm(harness.gateway.url, AUTH_REVOKE_PATH, { token: phone.access_token });
    expect((await withBearer(phone.access_token)).status).toBe(401);
    expect((await withBearer(tablet.access_token)).status).toBe(200);
  });

  it('R-ACC-1: a refresh asks identity again: a revoked account gets invalid_grant and its tokens end', async () => {
    const tokens = await signInApp(TEACHER);
    harness.world.accounts.set(TEACHER.subject, 'revoked');
    try {
      const refused = await refresh(tokens.refresh_token);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({ error: 'invalid_grant', error_description: 'Доступ к журналу отозван' });
      expect((await withBearer(tokens.access_token)).status).toBe(401);
    } finally {
      harness.world.accounts.set(TEACHER.subject, TEACHER.account);
    }
  });

  it('takes JSON as well as form bodies, and answers faults as RFC 6749 errors', async () => {
    const tokens = await signInApp(TEACHER);
    const json = await fetch(new URL(AUTH_TOKEN_PATH, harness.gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: APP.clientId }),
    });
    expect(json.status).toBe(200);
    expect(await (await token({ grant_type: 'password', username: 'x', password: 'y' })).json()).toMatchObject({
      error: 'unsupported_grant_type',
    });
    const missing = await token({ grant_type: 'authorization_code' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'invalid_request', error_description: 'Не указан параметр code' });
  });

  it('RFC 7009: revocation answers 200 for unknown and malformed tokens too', async () => {
    for (const form of [{ token: 'x'.repeat(43) }, { token: '!' }, {}] as Array<Record<string, string>>) {
      expect((await postForm(harness.gateway.url, AUTH_REVOKE_PATH, form)).status).toBe(200);
    }
  });
});
