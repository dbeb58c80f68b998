import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IdentityRpc, PlanningRpc } from '#contracts';
import { startDevIdp } from '../../../dev-idp/src/start-dev-idp.js';
import { CHILD, LESSON_1A_READING, LESSON_5A_MATH, PARENT, TEACHER } from '../testing/fake-world.js';
import { type GatewayHarness, startGatewayHarness } from '../testing/gateway-harness.js';

describe('gateway: every error is an RFC 9457 problem', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness(startDevIdp);
  });

  afterAll(async () => {
    await harness?.dispose();
  });

  it('R-MARK-2: a mark in a grade-1 class, refused by the journal, becomes 422 problem+json with the service message', async () => {
    const teacher = await harness.login(TEACHER);
    const response = await teacher.post(
      `/api/v1/lessons/${LESSON_1A_READING.lesson.id}/marks`,
      { studentId: CHILD.id, value: 5, workKind: 'answer' },
      { headers: { 'x-request-id': 'req-grade-1' } },
    );
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(response.headers.get('x-request-id')).toBe('req-grade-1');
    expect(await response.json()).toEqual({
      type: 'https://ejournal.local/problems/marks-not-kept-in-grade-1',
      title: 'В 1 классе отметки не ставятся',
      status: 422,
      detail: 'В 1 классе отметки не ставятся: ведутся только посещаемость и темы уроков',
      code: 'MARKS_NOT_KEPT_IN_GRADE_1',
      requestId: 'req-grade-1',
    });
  });

  it('carries the request id and the person to the services in NATS headers', async () => {
    const teacher = await harness.login(TEACHER);
    await teacher.get('/api/v1/me/lessons', { headers: { 'x-request-id': 'req-carried-42' } });
    const calls = harness.world.seen.filter((call) => call.requestId === 'req-carried-42');
    expect(calls.map((call) => call.subject)).toEqual(
      expect.arrayContaining(['identity.pages.of-teacher', 'planning.lessons.of-pages', 'planning.subjects.list']),
    );
    for (const call of calls) {
      expect(call.actor).toEqual({
        kind: 'person',
        accountId: TEACHER.account.accountId,
        personId: TEACHER.account.personId,
        grants: TEACHER.account.grants,
      });
    }
  });

  it('makes up a request id when the caller sends none and echoes it', async () => {
    const response = await harness.anonymous().get('/api/v1/me');
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toMatchObject({ requestId });
  });

  it('refuses an invalid body with 400 VALIDATION_FAILED and the issues', async () => {
    const teacher = await harness.login(TEACHER);
    const response = await teacher.post(
      `/api/v1/lessons/${LESSON_5A_MATH.lesson.id}/marks`,
      { studentId: CHILD.id, value: 7, workKind: 'answer' },
      { headers: { 'x-request-id': 'req-invalid-mark' } },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      type: 'https://ejournal.local/problems/validation-failed',
      code: 'VALIDATION_FAILED',
      issues: [expect.objectContaining({ path: 'value' })],
    });
    // Only the access check asked about the lesson; the journal never heard of the invalid mark.
    const asked = harness.world.seen.filter((call) => call.requestId === 'req-invalid-mark').map((call) => call.subject);
    expect(asked).toEqual([PlanningRpc.getLesson.subject, IdentityRpc.accessFacts.subject]);
  });

  it('refuses a date that is not in the calendar with 400', async () => {
    const teacher = await harness.login(TEACHER);
    const response = await teacher.get('/api/v1/me/lessons?date=2026-02-30');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: 'date' })] });
  });

  it('answers malformed JSON with 400 problem+json, without internals', async () => {
    const teacher = await harness.login(TEACHER);
    const response = await teacher.post(`/api/v1/lessons/${LESSON_5A_MATH.lesson.id}/marks`, '{"value": 5,');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(text).not.toMatch(/at .*\.(js|ts):\d+|FST_ERR|SyntaxError/);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await harness.anonymous().get('/api/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', type: 'https://ejournal.local/problems/not-found' });
  });

  it('maps a version conflict to 409 (two tabs never overwrite each other silently)', async () => {
    const teacher = await harness.login(TEACHER);
    const path = `/api/v1/lessons/${LESSON_5A_MATH.lesson.id}/content`;
    const first = await teacher.put(path, { topic: 'Дроби', homework: '№ 12' }, { headers: { 'if-match': '"0"' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    const stale = await teacher.put(path, { topic: 'Десятичные дроби' }, { headers: { 'if-match': '"0"' } });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', version: 1 });
  });

  it('answers 503 quickly when a service does not answer, and stays up', async () => {
    const parent = await harness.login(PARENT);
    await harness.stopFake('reporting');
    const started = Date.now();
    const response = await parent.get(`/api/v1/students/${CHILD.id}/diary`);
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2_000);
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
    expect(problem).not.toHaveProperty('subject');
    expect((await parent.get('/api/v1/children')).status).toBe(200);
  });
});
