import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IdentityEvents } from '#contracts';
import { AUTH_TOKEN_PATH, eventually, mobileTokensThroughDevIdp, postForm, publishEvent } from '#testing';
import { startDevIdp } from '../../../dev-idp/src/start-dev-idp.js';
import { PARENT, TEACHER, type TestPerson } from '../testing/fake-world.js';
import { type GatewayHarness, startGatewayHarness } from '../testing/gateway-harness.js';

const APP = { clientId: 'ejournal-mobile', redirectUri: 'ejournal://auth' };

describe('gateway: revoking access ends open sessions at once (R-ACC-4)', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness(startDevIdp);
  });

  afterAll(async () => {
    await harness?.dispose();
  });

  const signInApp = (person: TestPerson) => mobileTokensThroughDevIdp(harness.gateway.url, person.login, person.password, APP);
  const withBearer = (accessToken: string) =>
    fetch(new URL('/api/v1/me', harness.gateway.url), { headers: { authorization: `Bearer ${accessToken}` } });
  const accessChanged = (person: TestPerson, change: 'revoked' | 'grants-changed' = 'revoked') =>
    publishEvent(harness.deployment.nats, IdentityEvents.accessChanged, {
      accountId: person.account.accountId,
      personId: person.account.personId,
      change,
    });

  it('R-ACC-4: the next request of every web session and bearer token of the account answers 401 within a second', async () => {
    const web = await harness.login(TEACHER);
    const otherBrowser = await harness.login(TEACHER);
    const app = await signInApp(TEACHER);
    const parent = await harness.login(PARENT);
    const parentApp = await signInApp(PARENT);
    expect((await web.get('/api/v1/me')).status).toBe(200);
    expect((await withBearer(app.access_token)).status).toBe(200);

    const revokedAt = Date.now();
    await accessChanged(TEACHER);
    await eventually(
      async () => {
        const statuses = [(await web.get('/api/v1/me')).status, (await otherBrowser.get('/api/v1/me')).status, (await withBearer(app.access_token)).status];
        if (statuses.some((status) => status !== 401)) throw new Error(`still signed in: ${statuses.join(', ')}`);
      },
      { timeoutMs: 1_000, intervalMs: 20 },
    );
    expect(Date.now() - revokedAt).toBeLessThan(1_000);

    const refresh = await postForm(harness.gateway.url, AUTH_TOKEN_PATH, {
      grant_type: 'refresh_token',
      refresh_token: app.refresh_token,
      client_id: APP.clientId,
    });
    expect(refresh.status).toBe(400);
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
    expect(await (await web.get('/api/v1/me')).json()).toMatchObject({ code: 'UNAUTHENTICATED' });

    expect((await parent.get('/api/v1/me')).status).toBe(200);
    expect((await withBearer(parentApp.access_token)).status).toBe(200);
  });

  it('R-ACC-4: changed roles end the sessions too, and the person simply signs in again afterwards', async () => {
    const before = await harness.login(PARENT);
    await accessChanged(PARENT, 'grants-changed');
    await eventually(
      async () => {
        if ((await before.get('/api/v1/me')).status !== 401) throw new Error('still signed in');
      },
      { timeoutMs: 1_000, intervalMs: 20 },
    );
    // Ending twice (a redelivered event) is harmless, and a new sign-in is not affected by an old event.
    await accessChanged(PARENT, 'grants-changed');
    const after = await harness.login(PARENT);
    const app = await signInApp(PARENT);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await after.get('/api/v1/me')).status).toBe(200);
    expect((await withBearer(app.access_token)).status).toBe(200);
  });
});
