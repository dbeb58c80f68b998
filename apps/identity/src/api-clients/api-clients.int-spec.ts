import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Actor, ApiClientsRpc, ErrorCode, SYSTEM_SEED_ACTOR } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { DataSource } from 'typeorm';
import { identityServiceSpec } from '../identity.service-spec.js';
import { loadSchool, personActor } from '../identity.test-kit.js';

describe('identity: API clients of machine systems (client credentials)', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let rpc: RpcClient;
  let schoolA: string;
  let schoolB: string;
  let sysadminOfA: Actor;
  let coordinatorOfB: Actor;
  let adminOfBoth: Actor;
  let teacherOfA: Actor;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    rpc = identity.app.get(RpcClient);
    schoolA = await loadSchool(rpc, 'test:api-clients:school-a');
    schoolB = await loadSchool(rpc, 'test:api-clients:school-b');
    sysadminOfA = personActor(randomUUID(), [{ role: 'sysadmin', schoolId: schoolA }]);
    coordinatorOfB = personActor(randomUUID(), [{ role: 'coordinator', schoolId: schoolB }]);
    adminOfBoth = personActor(randomUUID(), [
      { role: 'sysadmin', schoolId: schoolA },
      { role: 'coordinator', schoolId: schoolB },
    ]);
    teacherOfA = personActor(randomUUID(), [{ role: 'teacher', schoolId: schoolA }]);
  });

  afterAll(async () => {
    await identity?.close();
    await deployment?.dispose();
  });

  const create = (actor: Actor, schoolIds: string[], name = 'Муниципальный портал') =>
    rpc.call(ApiClientsRpc.create, { name, scopes: ['roster.readonly', 'gradebook.readonly'], schoolIds }, { actor });
  const verify = (clientId: string, secret: string, actor: Actor = SYSTEM_SEED_ACTOR) =>
    rpc.call(ApiClientsRpc.verify, { clientId, secret }, { actor });

  it('creates a client for an administered school and shows its secret once; only a scrypt hash is stored', async () => {
    const { client, secret } = await create(sysadminOfA, [schoolA]);
    expect(client).toEqual({
      id: expect.any(String),
      name: 'Муниципальный портал',
      scopes: ['gradebook.readonly', 'roster.readonly'],
      schoolIds: [schoolA],
      status: 'active',
      createdAt: '2026-12-03T05:00:00.000Z',
      revokedAt: null,
    });
    expect(secret).toMatch(/^[\w-]{43}$/);
    const [row] = await identity.app
      .get(DataSource)
      .query<Array<{ secret_hash: string }>>('SELECT secret_hash FROM api_client WHERE id = $1', [client.id]);
    expect(row?.secret_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row?.secret_hash).not.toContain(secret);
    expect((await rpc.call(ApiClientsRpc.list, {}, { actor: sysadminOfA })).clients).not.toContainEqual(
      expect.objectContaining({ secret: expect.anything() }),
    );
  });

  it('verifies the secret for the gateway: scopes and schools of the client', async () => {
    const { client, secret } = await create(sysadminOfA, [schoolA]);
    await expect(verify(client.id, secret)).resolves.toEqual({
      clientId: client.id,
      scopes: ['gradebook.readonly', 'roster.readonly'],
      schoolIds: [schoolA],
    });
  });

  it('refuses a wrong secret and an unknown client alike with UNAUTHENTICATED', async () => {
    const { client } = await create(sysadminOfA, [schoolA]);
    // Both settle before anything is awaited: a rejection is never left without a handler while the other runs.
    const [a, b] = await Promise.allSettled([verify(client.id, 'not-the-secret'), verify(randomUUID(), 'not-the-secret')]);
    expect(a).toMatchObject({ status: 'rejected', reason: { code: ErrorCode.Unauthenticated } });
    expect(b).toMatchObject({ status: 'rejected', reason: { code: ErrorCode.Unauthenticated } });
    expect((a as PromiseRejectedResult).reason.message).toBe((b as PromiseRejectedResult).reason.message);
  });

  it('verifies for the gateway only: a person may not check secrets', async () => {
    const { client, secret } = await create(sysadminOfA, [schoolA]);
    await expect(verify(client.id, secret, sysadminOfA)).rejects.toMatchObject({ code: ErrorCode.Forbidden });
  });

  it('R-ACC-1: only an administrator creates clients, and only for the schools they administer', async () => {
    await expect(create(teacherOfA, [schoolA])).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(create(sysadminOfA, [schoolA, schoolB])).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
      details: { schoolIds: [schoolB] },
    });
  });

  it('refuses an unknown scope and an empty list of schools', async () => {
    await expect(
      rpc.call(ApiClientsRpc.create, { name: 'Портал', scopes: ['everything'], schoolIds: [schoolA] } as never, { actor: sysadminOfA }),
    ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    await expect(create(sysadminOfA, [])).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it("lists the clients of the administrator's schools only", async () => {
    const ofB = await create(coordinatorOfB, [schoolB], 'Портал школы Б');
    const ofBoth = await create(adminOfBoth, [schoolA, schoolB], 'Портал обеих школ');
    const seenByB = (await rpc.call(ApiClientsRpc.list, {}, { actor: coordinatorOfB })).clients.map((client) => client.id);
    const seenByA = (await rpc.call(ApiClientsRpc.list, {}, { actor: sysadminOfA })).clients.map((client) => client.id);
    expect(seenByB.sort()).toEqual([ofB.client.id, ofBoth.client.id].sort());
    expect(seenByA).toContain(ofBoth.client.id);
    expect(seenByA).not.toContain(ofB.client.id);
  });

  it('revokes a client at once: its secret no longer verifies, and revoking again changes nothing', async () => {
    const { client, secret } = await create(sysadminOfA, [schoolA]);
    const revoked = await rpc.call(ApiClientsRpc.revoke, { clientId: client.id }, { actor: sysadminOfA });
    expect(revoked).toMatchObject({ id: client.id, status: 'revoked', revokedAt: '2026-12-03T05:00:00.000Z' });
    await expect(verify(client.id, secret)).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    await expect(rpc.call(ApiClientsRpc.revoke, { clientId: client.id }, { actor: sysadminOfA })).resolves.toEqual(revoked);
  });

  it("answers a client of other schools as missing, and refuses to revoke one that reaches schools not one's own", async () => {
    const ofB = await create(coordinatorOfB, [schoolB]);
    const ofBoth = await create(adminOfBoth, [schoolA, schoolB]);
    await expect(rpc.call(ApiClientsRpc.revoke, { clientId: ofB.client.id }, { actor: sysadminOfA })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    await expect(rpc.call(ApiClientsRpc.revoke, { clientId: randomUUID() }, { actor: sysadminOfA })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    await expect(rpc.call(ApiClientsRpc.revoke, { clientId: ofBoth.client.id }, { actor: sysadminOfA })).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
    await expect(verify(ofBoth.client.id, ofBoth.secret)).resolves.toMatchObject({ clientId: ofBoth.client.id });
  });
});
