import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FixedClock } from '#platform';
import type { ActionName } from '#policy';
import { type ApiSession, signInThroughDevIdp } from '#testing';
import { type RouteAction, RouteActions } from '../apps/gateway/src/access/route-actions.js';
import { expectedAnswer, type ExpectedAnswer } from './permission-matrix/expected-answer.js';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from './permission-matrix/matrix-system.js';
import {
  EARLIER,
  HANDOVER,
  loadMatrixWorld,
  type MatrixWorld,
  PASSWORD,
  type Persona,
  PERSONAS,
  TODAY,
} from './permission-matrix/matrix-world.js';
import { sessionOf } from './permission-matrix/persona-sessions.js';
import type { MatrixRequest, RouteBuilder, RouteKey, Variant } from './permission-matrix/route-builder.js';
import { ROUTE_BUILDERS } from './permission-matrix/routes/index.js';

interface LessonView {
  writable: boolean;
  topic: string | null;
  students: Array<{ studentId: string; marks: Array<{ value: number }> }>;
}

interface Answer {
  status: number;
  code?: string;
  /** The problem without what differs between any two requests (request id, instance). */
  problem?: Record<string, unknown>;
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  if (!response.headers.get('content-type')?.startsWith('application/problem+json')) return { status: response.status };
  const { requestId: _requestId, instance: _instance, ...problem } = JSON.parse(text) as Record<string, unknown>;
  return { status: response.status, code: problem.code as string, problem };
}

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

const keyOf = (route: RouteAction): RouteKey => `${route.method} ${route.path}` as RouteKey;

function builderOf(route: RouteAction): RouteBuilder {
  const builder = ROUTE_BUILDERS[keyOf(route)];
  if (!builder) throw new Error(`No request builder for ${keyOf(route)}: add one to its area's table in test/permission-matrix/routes`);
  return builder;
}

describe('one permission policy: every route × every persona × own, other and missing resources', () => {
  let system: MatrixSystem;
  let world: MatrixWorld;
  const sessions = new Map<Persona, ApiSession>();
  const session = (persona: Persona) => sessions.get(persona)!;
  const lessonOf = (key: 'lesson:math-a-substituted' | 'lesson:math-a-second') => world.resources[key].id;

  beforeAll(async () => {
    system = await startMatrixSystem(new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)));
    world = await loadMatrixWorld(system.rpc, { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
    for (const persona of PERSONAS) sessions.set(persona, await sessionOf(system.gateway, world, persona));

    // Before the handover the page is the predecessor's: they write a topic and a mark (late, but accepted, R-MARK-3).
    const predecessor = session('predecessor');
    await json(await predecessor.put(`/api/v1/lessons/${world.earlierLesson}/content`, { topic: 'Обыкновенные дроби' }), 200);
    await json(
      await predecessor.post(`/api/v1/lessons/${world.earlierLesson}/marks`, { studentId: world.people.student, value: 4, workKind: 'answer' }),
      201,
    );
    // The deputy hands the page over and assigns a substitute to one of today's lessons, through the API (R-ACC-3).
    const deputy = session('deputy');
    await json(await deputy.post(`/api/v1/pages/${world.resources['page:math-a'].id}/handover`, { teacherId: world.people.teacher, from: HANDOVER }), 200);
    await json(
      await deputy.put(`/api/v1/lessons/${lessonOf('lesson:math-a-substituted')}/substitute`, { teacherId: world.people.substitute }),
      200,
    );
    await system.settle();
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  it('R-ACC-1: a student cannot even sign in', async () => {
    const { response } = await signInThroughDevIdp(system.gateway.url, 'student', PASSWORD);
    expect(await answerOf(response)).toMatchObject({ status: 403, code: 'STUDENT_ACCESS_FORBIDDEN' });
  });

  it('R-ACC-3: after the handover the predecessor reads the page but no longer writes; the new teacher reads their entries', async () => {
    const today = lessonOf('lesson:math-a-second');
    const teacher = session('teacher');
    const predecessor = session('predecessor');

    const earlier = await json<LessonView>(await teacher.get(`/api/v1/lessons/${world.earlierLesson}`), 200);
    expect(earlier.topic).toBe('Обыкновенные дроби');
    expect(earlier.students.find((student) => student.studentId === world.people.student)!.marks).toEqual([expect.objectContaining({ value: 4 })]);
    expect(earlier.writable).toBe(false);
    expect(await answerOf(await teacher.put(`/api/v1/lessons/${world.earlierLesson}/content`, { topic: 'Чужая тема' }))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect((await json<LessonView>(await teacher.get(`/api/v1/lessons/${today}`), 200)).writable).toBe(true);

    expect((await json<LessonView>(await predecessor.get(`/api/v1/lessons/${today}`), 200)).writable).toBe(false);
    expect((await json<LessonView>(await predecessor.get(`/api/v1/lessons/${world.earlierLesson}`), 200)).writable).toBe(true);
    expect(
      await answerOf(await predecessor.post(`/api/v1/lessons/${today}/marks`, { studentId: world.people.student, value: 5, workKind: 'answer' })),
    ).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    const ownDay = await json<Array<{ lessonId: string }>>(await predecessor.get(`/api/v1/me/lessons?date=${TODAY}`), 200);
    expect(ownDay).toEqual([]);
    const earlierDay = await json<Array<{ lessonId: string }>>(await predecessor.get(`/api/v1/me/lessons?date=${EARLIER}`), 200);
    expect(earlierDay.map((lesson) => lesson.lessonId)).toContain(world.earlierLesson);
  });

  it('R-ACC-3: a substitute sees the lesson in their day and writes on it, and on no other lesson of the page', async () => {
    const substitute = session('substitute');
    const substituted = lessonOf('lesson:math-a-substituted');
    const day = await json<Array<{ lessonId: string; substitution: boolean; className: string }>>(await substitute.get('/api/v1/me/lessons'), 200);
    expect(day).toEqual([expect.objectContaining({ lessonId: substituted, substitution: true, className: '6А' })]);

    expect((await json<LessonView>(await substitute.get(`/api/v1/lessons/${substituted}`), 200)).writable).toBe(true);
    await json(await substitute.post(`/api/v1/lessons/${substituted}/marks`, { studentId: world.people.student, value: 3, workKind: 'answer' }), 201);
    const next = lessonOf('lesson:math-a-second');
    expect(
      await answerOf(await substitute.post(`/api/v1/lessons/${next}/marks`, { studentId: world.people.student, value: 3, workKind: 'answer' })),
    ).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('the permission matrix: every route of the running gateway answers each persona as the policy table says', async () => {
    const routes = system.gateway.app.get(RouteActions).list();
    const withoutBuilder = routes.filter((route) => !(keyOf(route) in ROUTE_BUILDERS)).map(keyOf);
    // A new route fails the build until its area's table in test/permission-matrix/routes says how to call it.
    expect({ routesWithoutBuilder: withoutBuilder }).toEqual({ routesWithoutBuilder: [] });
    const stale = Object.keys(ROUTE_BUILDERS).filter((key) => !routes.some((route) => keyOf(route) === key));
    expect({ buildersWithoutRoute: stale }).toEqual({ buildersWithoutRoute: [] });

    const mismatches: string[] = [];
    const notFoundProblems = new Map<string, Array<{ variant: Variant; problem: Record<string, unknown> | undefined }>>();
    let checked = 0;
    const byStatus = new Map<number, number>();
    await Promise.all(
      PERSONAS.map(async (persona) => {
        for (const route of routes) {
          const builder = builderOf(route);
          const action = route.action as ActionName;
          for (const variant of builder.variants) {
            const request = builder.request(world, variant, persona);
            const expected = expectedAnswer(world, action, builder, persona, request);
            const client = builder.endsSession ? await sessionOf(system.gateway, world, persona) : session(persona);
            const answer = await answerOf(await send(client, route.method, request));
            checked += 1;
            byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
            if (!matches(answer, expected)) {
              mismatches.push(`${keyOf(route)} [${action}] as ${persona}, ${variant}: expected ${show(expected)}, got ${show(answer)} ${JSON.stringify(answer.problem ?? '')}`);
            }
            if (answer.status === 404 && variant !== 'own') {
              const key = `${keyOf(route)} as ${persona}`;
              notFoundProblems.set(key, [...(notFoundProblems.get(key) ?? []), { variant, problem: answer.problem }]);
            }
          }
        }
      }),
    );
    expect(mismatches).toEqual([]);

    // Other people's resources and missing ones get exactly the same answer.
    for (const [key, answers] of notFoundProblems) {
      for (const { variant, problem } of answers) {
        expect({ key, variant, problem }).toEqual({ key, variant, problem: answers[0]!.problem });
      }
    }

    const cells = routes.reduce((sum, route) => sum + builderOf(route).variants.length, 0);
    expect(checked).toBe(cells * PERSONAS.length);
    const withResource = routes.filter((route) => builderOf(route).variants.length > 1).length;
    console.info(
      `Permission matrix: ${routes.length} routes (${withResource} about a resource) × ${PERSONAS.length} personas; ` +
        `${cells} route-variants → ${checked} requests checked against the policy table ` +
        `(${[...byStatus].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`).join(', ')})`,
    );
  }, 300_000);
});

function send(client: ApiSession, method: string, { path, query, body, headers }: MatrixRequest): Promise<Response> {
  const url = query ? `${path}?${new URLSearchParams(query).toString()}` : path;
  return client.request(method, url, { ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) });
}

function matches(answer: Answer, expected: ExpectedAnswer): boolean {
  return answer.status === expected.status && (expected.code === undefined || answer.code === expected.code);
}

function show({ status, code }: { status: number; code?: string }): string {
  return code ? `${status} ${code}` : String(status);
}
