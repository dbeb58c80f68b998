import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AUTH_TOKEN_PATH, postForm } from '#testing';
import { startDevIdp } from '../../../dev-idp/src/start-dev-idp.js';
import { SessionStore } from '../session/session.store.js';
import { type RunningGateway, startGateway } from '../start-gateway.js';
import { SCHOOL, SYSADMIN, DIRECTOR } from '../testing/fake-world.js';
import { type GatewayHarness, startGatewayHarness } from '../testing/gateway-harness.js';
import { TokenStore } from '../tokens/token-store.js';

const LIMIT = { points: 3, windowSeconds: 60 };

describe('gateway: rate limits in Redis', () => {
  let harness: GatewayHarness;
  let limited: RunningGateway;

  beforeAll(async () => {
    harness = await startGatewayHarness(startDevIdp);
    // Its own gateway with tiny limits; nothing else in this file calls the harness's gateway, so the counters are ours.
    limited = await startGateway({
      ...harness.config,
      port: 0,
      rateLimits: { perAccount: LIMIT, perClient: LIMIT, signInPerIp: LIMIT, tokenPerIp: LIMIT },
    });
  });

  afterAll(async () => {
    await limited?.close();
    await harness?.dispose();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, limited.url), { headers, redirect: 'manual' });

  async function expectRateLimited(response: Response): Promise<void> {
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(LIMIT.windowSeconds);
    expect(await response.json()).toMatchObject({
      type: 'https://ejournal.local/problems/rate-limited',
      status: 429,
      code: 'RATE_LIMITED',
      retryAfterSeconds: retryAfter,
    });
  }

  it('limits each account: past the limit its requests answer 429 RATE_LIMITED with Retry-After; another account goes on', async () => {
    const sessions = limited.app.get(SessionStore);
    const { token } = await sessions.create(SYSADMIN.account);
    const cookie = { cookie: `ej_session=${token}` };
    const statuses = [];
    for (let request = 0; request < LIMIT.points; request++) statuses.push((await get('/api/v1/me', cookie)).status);
    expect(statuses).toEqual([200, 200, 200]);
    await expectRateLimited(await get('/api/v1/me', cookie));

    const second = await sessions.create(SYSADMIN.account);
    await expectRateLimited(await get('/api/v1/me', { cookie: `ej_session=${second.token}` }));
    const other = await sessions.create(DIRECTOR.account);
    expect((await get('/api/v1/me', { cookie: `ej_session=${other.token}` })).status).toBe(200);
  });

  it('limits each machine client by its client id', async () => {
    const tokens = limited.app.get(TokenStore);
    const client = { clientId: randomUUID(), scopes: ['roster.readonly' as const], schoolIds: [SCHOOL.id] };
    const { accessToken } = await tokens.issueClientToken(client);
    const { accessToken: sameClient } = await tokens.issueClientToken(client);
    const bearer = (value: string) => ({ authorization: `Bearer ${value}` });
    const statuses = [];
    for (let request = 0; request < LIMIT.points; request++) statuses.push((await get('/api/v1/me', bearer(accessToken))).status);
    expect(statuses).toEqual([403, 403, 403]);
    await expectRateLimited(await get('/api/v1/me', bearer(sameClient)));
  });

  it('limits the sign-in routes per IP', async () => {
    const statuses = [];
    for (let request = 0; request < LIMIT.points; request++) statuses.push((await get('/api/v1/auth/login')).status);
    expect(statuses).toEqual([302, 302, 302]);
    await expectRateLimited(await get('/api/v1/auth/login'));
    await expectRateLimited(await get('/api/v1/auth/authorize?client_id=ejournal-mobile'));
  });

  it('limits the token endpoint per IP', async () => {
    const statuses = [];
    for (let request = 0; request < LIMIT.points; request++) {
      statuses.push((await postForm(limited.url, AUTH_TOKEN_PATH, { grant_type: 'client_credentials' })).status);
    }
    expect(statuses).toEqual([401, 401, 401]);
    await expectRateLimited(await postForm(limited.url, AUTH_TOKEN_PATH, { grant_type: 'client_credentials' }));
  });
});
