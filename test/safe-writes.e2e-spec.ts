import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { FixedClock } from '#platform';
import { type ApiSession, loginThroughDevIdp } from '#testing';
import { type MatrixSystem, MATRIX_ADMIN_TOKEN, startMatrixSystem } from './permission-matrix/matrix-system.js';
import { loadMatrixWorld, type MatrixWorld, PASSWORD, TODAY } from './permission-matrix/matrix-world.js';

interface MarkAnswer {
  id: string;
  value: number;
}

async function json<T>(response: Response): Promise<{ status: number; body: T; headers: Headers }> {
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

/**
 * Safe writes through the gateway with every service running: two real requests raced against each other, with the
 * same `Idempotency-Key` or the same `If-Match` version.
 */
describe('safe writes: idempotency keys and versions', () => {
  let system: MatrixSystem;
  let world: MatrixWorld;
  let teacher: ApiSession;

  beforeAll(async () => {
    system = await startMatrixSystem(new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)));
    world = await loadMatrixWorld(system.rpc, { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
    // Without the matrix's handover, math of 6А is still the predecessor's page.
    teacher = await loginThroughDevIdp(system.gateway.url, 'predecessor', PASSWORD);
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  const lessonId = () => world.resources['lesson:math-a-second'].id;
  const marksOfStudent = async (studentId: string) => {
    const lesson = (await (await teacher.get(`/api/v1/lessons/${lessonId()}`)).json()) as {
      students: Array<{ studentId: string; marks: MarkAnswer[] }>;
    };
    return lesson.students.find((student) => student.studentId === studentId)?.marks ?? [];
  };

  it('two racing requests with one Idempotency-Key create one mark; both get the same answer', async () => {
    const studentId = world.people.student;
    const before = (await marksOfStudent(studentId)).length;
    const key = randomUUID();
    const body = { studentId, value: 4, workKind: 'answer' };
    const headers = { 'idempotency-key': key };
    const [first, second] = await Promise.all([
      json<MarkAnswer>(await teacher.post(`/api/v1/lessons/${lessonId()}/marks`, body, { headers })),
      json<MarkAnswer>(await teacher.post(`/api/v1/lessons/${lessonId()}/marks`, body, { headers })),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.id).toBe(second.body.id);
    expect([first.headers.get('idempotent-replayed'), second.headers.get('idempotent-replayed')].sort()).toEqual(['true', null].sort());

    const retried = await json<MarkAnswer>(await teacher.post(`/api/v1/lessons/${lessonId()}/marks`, body, { headers }));
    expect(retried).toMatchObject({ status: 201, body: { id: first.body.id } });
    const after = await marksOfStudent(studentId);
    expect(after.filter((mark) => mark.id === first.body.id)).toHaveLength(1);
    expect(after).toHaveLength(before + 1);
  });

  it('the same key with another request is refused and creates nothing', async () => {
    const studentId = world.people.student;
    const before = (await marksOfStudent(studentId)).length;
    const key = randomUUID();
    const headers = { 'idempotency-key': key };
    const created = await json<MarkAnswer>(await teacher.post(`/api/v1/lessons/${lessonId()}/marks`, { studentId, value: 5, workKind: 'answer' }, { headers }));
    expect(created.status).toBe(201);
    const reused = await json<{ code: string }>(
      await teacher.post(`/api/v1/lessons/${lessonId()}/marks`, { studentId, value: 3, workKind: 'answer' }, { headers }),
    );
    expect(reused).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    const after = await marksOfStudent(studentId);
    expect(after).toHaveLength(before + 1);
    expect(after.map((mark) => mark.value)).not.toContain(3);
  });

  it('a refused request changes nothing and frees its key: the corrected request with the same key runs', async () => {
    const studentId = world.people.leaver;
    const headers = { 'idempotency-key': randomUUID() };
    const refused = await json<{ code: string }>(await teacher.post(`/api/v1/lessons/${lessonId()}/marks`, { studentId, value: 7, workKind: 'answer' }, { headers }));
    expect(refused).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const corrected = await json<MarkAnswer>(await teacher.post(`/api/v1/lessons/${lessonId()}/marks`, { studentId: world.people.student, value: 3, workKind: 'answer' }, { headers }));
    expect(corrected).toMatchObject({ status: 201, body: { value: 3 } });
  });

  it('a malformed Idempotency-Key is refused before anything runs', async () => {
    const response = await json<{ code: string }>(
      await teacher.post(`/api/v1/lessons/${lessonId()}/marks`, { studentId: world.people.student, value: 2, workKind: 'answer' }, { headers: { 'idempotency-key': 'short' } }),
    );
    expect(response).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect((await marksOfStudent(world.people.student)).map((mark) => mark.value)).not.toContain(2);
  });

  it('two tabs racing with one If-Match version: one saves, the other gets 409 with the current record', async () => {
    const url = `/api/v1/lessons/${lessonId()}/content`;
    const read = await teacher.get(`/api/v1/lessons/${lessonId()}`);
    const etag = read.headers.get('etag')!;
    const [a, b] = await Promise.all([
      json<{ topic?: string; code?: string; current?: { topic: string } }>(await teacher.put(url, { topic: 'Дроби: вкладка А' }, { headers: { 'if-match': etag } })),
      json<{ topic?: string; code?: string; current?: { topic: string } }>(await teacher.put(url, { topic: 'Дроби: вкладка Б' }, { headers: { 'if-match': etag } })),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    expect(loser.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { topic: winner.body.topic } });
  });
});
