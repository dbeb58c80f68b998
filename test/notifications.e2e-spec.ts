import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type NotificationFeed, PlanningRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { FixedClock } from '#platform';
import { type ApiSession, eventually, loginThroughDevIdp } from '#testing';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from './permission-matrix/matrix-system.js';
import { loadMatrixWorld, type MatrixWorld, PASSWORD, TODAY } from './permission-matrix/matrix-world.js';

/**
 * Parents' notifications through the gateway with every service running and real sign-ins (issue 6, item 4,
 * R-REP-4): a teacher enters a mark, the parent's feed shows it; the parent reads it and sets e-mail delivery.
 */
describe('R-REP-4: notifications through the API', () => {
  let system: MatrixSystem;
  let world: MatrixWorld;
  let lessonId: string;
  const sessions = new Map<string, ApiSession>();
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginThroughDevIdp(system.gateway.url, login, PASSWORD));
    return sessions.get(login)!;
  };

  beforeAll(async () => {
    system = await startMatrixSystem(new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)));
    world = await loadMatrixWorld(system.rpc, { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
    const pageId = world.resources['page:russian-a'].id;
    const { lessons } = await system.rpc.call(
      PlanningRpc.lessonsOfPages,
      { pageIds: [pageId], from: TODAY, to: TODAY },
      { actor: SYSTEM_SEED_ACTOR },
    );
    lessonId = lessons[0]!.id;
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  it("R-REP-4: a teacher's mark appears in the parent's feed, once, and is marked read", async () => {
    const teacher = await as('colleague');
    const mark = await teacher.post(`/api/v1/lessons/${lessonId}/marks`, { studentId: world.people.student, value: 4, workKind: 'answer' });
    expect(mark.status).toBe(201);

    const parent = await as('parent');
    const dated = `${TODAY.slice(8, 10)}.${TODAY.slice(5, 7)}.${TODAY.slice(0, 4)}`;
    const feed = await eventually(async () => {
      const response = await parent.get('/api/v1/me/notifications');
      expect(response.status).toBe(200);
      const body = (await response.json()) as NotificationFeed;
      // The world's own marks (mathematics) notify too: this mark is the only one in Russian.
      expect(body.items.filter((item) => item.kind === 'mark' && item.subjectCode === 'russian')).toHaveLength(1);
      return body;
    }, { timeoutMs: 30_000, intervalMs: 200 });
    const item = feed.items.find((candidate) => candidate.kind === 'mark' && candidate.subjectCode === 'russian')!;
    expect(item).toMatchObject({
      change: 'added',
      read: false,
      student: { id: world.people.student, lastName: 'Егоров', firstName: 'Антон' },
      subjectCode: 'russian',
      date: TODAY,
      value: '4',
    });
    expect(item.text).toBe(`Новая отметка: Русский язык, 4, ${dated}`);
    expect(feed.unread).toBeGreaterThanOrEqual(1);

    const read = await parent.post('/api/v1/me/notifications/read', { ids: [item.id] });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ unread: feed.unread - 1 });
    const after = (await (await parent.get('/api/v1/me/notifications')).json()) as NotificationFeed;
    expect(after.items.find((candidate) => candidate.id === item.id)?.read).toBe(true);

    // The teacher who entered the mark has no feed at all: notifications are the parents'.
    expect((await teacher.get('/api/v1/me/notifications')).status).toBe(403);
  }, 60_000);

  it('R-REP-4: the parent sets e-mail delivery for themselves; e-mail off needs no address, instant or digest e-mail does', async () => {
    const parent = await as('parent');
    const initial = await parent.get('/api/v1/me/notification-settings');
    expect(initial.status).toBe(200);
    expect(await initial.json()).toMatchObject({ email: null, emailMode: 'off', digestHour: 18 });

    // E-mail off is accepted without any address: the body may carry the mode only.
    const off = await parent.put('/api/v1/me/notification-settings', { emailMode: 'off' });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ email: null, emailMode: 'off' });

    const refused = await parent.put('/api/v1/me/notification-settings', { emailMode: 'instant' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const needed = 'Чтобы получать письма сразу или сводкой раз в день, укажите адрес электронной почты';
    expect(await refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, detail: needed, issues: [{ path: 'email', message: needed }] });

    const saved = await parent.put('/api/v1/me/notification-settings', { email: 'egorova@example.org', emailMode: 'digest' });
    expect(saved.status).toBe(200);
    expect(await (await parent.get('/api/v1/me/notification-settings')).json()).toMatchObject({
      email: 'egorova@example.org',
      emailMode: 'digest',
    });
  });
});
