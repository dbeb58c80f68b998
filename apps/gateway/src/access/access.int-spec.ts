import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, Module } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ApiSession } from '#testing';
import { startDevIdp } from '../../../dev-idp/src/start-dev-idp.js';
import { SessionStore } from '../session/session.store.js';
import { CHILD, DIRECTOR, LESSON_5A_MATH, OTHER_PARENT, PARENT, STUDENT, SYSADMIN, TEACHER } from '../testing/fake-world.js';
import { type GatewayHarness, startGatewayHarness } from '../testing/gateway-harness.js';
import { Action } from './action.decorator.js';
import { isApiPath } from './api-path.js';
import { POLICY } from '#policy';
import { type RouteAction, RouteActions } from './route-actions.js';

const SOME_ID = '0f0f0f0f-0000-4000-8000-000000000000';

function concrete(path: string): string {
  return path.replace(/:[A-Za-z]+/g, SOME_ID);
}

describe('gateway: who may call what', () => {
  let harness: GatewayHarness;
  let apiRoutes: RouteAction[];

  beforeAll(async () => {
    harness = await startGatewayHarness(startDevIdp);
    apiRoutes = harness.gateway.app.get(RouteActions).list().filter((route) => isApiPath(route.path));
  });

  afterAll(async () => {
    await harness?.dispose();
  });

  it('every /api/v1 route names an action of the permission table', () => {
    expect(apiRoutes.length).toBeGreaterThanOrEqual(14);
    for (const route of apiRoutes) {
      expect({ route: `${route.method} ${route.path}`, listed: route.action !== undefined && route.action in POLICY }).toEqual({
        route: `${route.method} ${route.path}`,
        listed: true,
      });
    }
  });

  it('refuses to boot an app with an /api/v1 route that names no action', async () => {
    @Controller('api/v1/unlisted')
    class UnlistedController {
      @Get()
      open(): string {
        return 'nobody checks me';
      }
    }
    @Module({ imports: [DiscoveryModule], controllers: [UnlistedController], providers: [RouteActions] })
    class UnlistedModule {}

    const app = await NestFactory.create(UnlistedModule, new FastifyAdapter(), { logger: false, abortOnError: false });
    await expect(app.init()).rejects.toThrow('Routes under /api/v1 without an @Action in the permission table: GET /api/v1/unlisted');
    await app.close();
  });

  it('refuses to boot an app with a route about a resource that does not say where the resource is', async () => {
    @Controller('api/v1/unlocated/:lessonId')
    class UnlocatedController {
      @Get()
      @Action('lessons.read')
      read(): string {
        return 'whose lesson?';
      }

      @Get('marks')
      @Action('lessons.read', { kind: 'lesson', param: 'id' })
      marks(): string {
        return 'no :id here';
      }

      @Get('diary')
      @Action('students.diary.read', { kind: 'lesson', param: 'lessonId' })
      diary(): string {
        return 'a lesson is no student';
      }
    }
    @Module({ imports: [DiscoveryModule], controllers: [UnlocatedController], providers: [RouteActions] })
    class UnlocatedModule {}

    const app = await NestFactory.create(UnlocatedModule, new FastifyAdapter(), { logger: false, abortOnError: false });
    await expect(app.init()).rejects.toThrow(
      'Routes whose action is about a resource they do not locate: ' +
        'GET /api/v1/unlocated/:lessonId (lessons.read is about a page and names no ResourceLocator), ' +
        'GET /api/v1/unlocated/:lessonId/marks (the path has no parameter :id), ' +
        'GET /api/v1/unlocated/:lessonId/diary (students.diary.read is about a student, the locator finds a page)',
    );
    await app.close();
  });

  it('answers 401 UNAUTHENTICATED problem+json on every /api/v1 route without a session, except login and callback', async () => {
    const anonymous = harness.anonymous();
    for (const route of apiRoutes.filter((candidate) => !candidate.path.startsWith('/api/v1/auth/') || candidate.path.endsWith('logout'))) {
      const response = await anonymous.request(route.method, concrete(route.path), { body: route.method === 'GET' ? undefined : {} });
      expect({ route: route.path, status: response.status, type: response.headers.get('content-type') }).toEqual({
        route: route.path,
        status: 401,
        type: 'application/problem+json; charset=utf-8',
      });
      expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('refuses a student session on every route, even with the right CSRF token', async () => {
    const { token, session } = await harness.gateway.app.get(SessionStore).create(STUDENT.account);
    const student = new ApiSession(harness.gateway.url);
    student.jar.setCookie(harness.gateway.url, `ej_session=${token}`);
    student.csrfToken = session.csrfToken;
    const guarded = apiRoutes.filter((route) => route.action && POLICY[route.action].resource !== 'public');
    for (const route of guarded) {
      const response = await student.request(route.method, concrete(route.path), { body: route.method === 'GET' ? undefined : {} });
      expect({ route: route.path, status: response.status }).toEqual({ route: route.path, status: 403 });
      expect(await response.json()).toMatchObject({ code: 'STUDENT_ACCESS_FORBIDDEN' });
    }
  });

  it('refuses a write without the CSRF header before any service hears of it', async () => {
    const teacher = await harness.login(TEACHER);
    const response = await teacher.post(
      `/api/v1/lessons/${LESSON_5A_MATH.lesson.id}/marks`,
      { studentId: CHILD.id, value: 5, workKind: 'answer' },
      { csrf: false, headers: { 'x-request-id': 'req-no-csrf' } },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'CSRF_FAILED' });
    expect(harness.world.seen.some((call) => call.requestId === 'req-no-csrf')).toBe(false);
  });

  it('a system administrator does not read marks or lessons: to them a lesson is not there at all (404)', async () => {
    const sysadmin = await harness.login(SYSADMIN);
    const existing = await sysadmin.get(`/api/v1/lessons/${LESSON_5A_MATH.lesson.id}`);
    const missing = await sysadmin.get(`/api/v1/lessons/${SOME_ID}`);
    expect([existing.status, missing.status]).toEqual([404, 404]);
    const { requestId: _a, ...existingBody } = (await existing.json()) as Record<string, unknown>;
    const { requestId: _b, ...missingBody } = (await missing.json()) as Record<string, unknown>;
    expect(existingBody).toEqual(missingBody);
    expect(existingBody).toMatchObject({ code: 'NOT_FOUND', detail: 'Урок не найден' });
  });

  it('refuses visibly (403) a reader of the page who may not write on it, and a role the action is not for', async () => {
    const director = await harness.login(DIRECTOR);
    const mark = { studentId: CHILD.id, value: 5, workKind: 'answer' };
    const response = await director.post(`/api/v1/lessons/${LESSON_5A_MATH.lesson.id}/marks`, mark);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
    const parent = await harness.login(PARENT);
    expect((await parent.get('/api/v1/me/lessons')).status).toBe(403);
  });

  it("answers a parent asking for a stranger's child exactly as for a child that does not exist (404)", async () => {
    const stranger = await harness.login(OTHER_PARENT);
    const foreign = await stranger.get(`/api/v1/students/${CHILD.id}/diary`);
    const missing = await stranger.get(`/api/v1/students/${SOME_ID}/diary`);
    expect([foreign.status, missing.status]).toEqual([404, 404]);
    const { requestId: _a, ...foreignBody } = (await foreign.json()) as Record<string, unknown>;
    const { requestId: _b, ...missingBody } = (await missing.json()) as Record<string, unknown>;
    expect(foreignBody).toEqual(missingBody);
    const parent = await harness.login(PARENT);
    expect((await parent.get(`/api/v1/students/${CHILD.id}/diary`)).status).toBe(200);
  });

  it('lists every /api/v1 route in /api/openapi.json with its action, and documents problem+json', async () => {
    const response = await fetch(new URL('/api/openapi.json', harness.gateway.url));
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      paths: Record<string, Record<string, { 'x-action'?: string; responses: Record<string, { content?: Record<string, unknown> }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    for (const route of apiRoutes) {
      const operation = document.paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect({ route: route.path, action: operation?.['x-action'] }).toEqual({ route: route.path, action: route.action });
      expect(operation?.responses.default?.content).toHaveProperty(['application/problem+json']);
    }
    expect(document.components.schemas.Problem).toMatchObject({ properties: { code: expect.anything(), requestId: expect.anything() } });
    expect(JSON.stringify(document.paths['/api/v1/lessons/{lessonId}/marks']?.post)).toContain('#/components/schemas/MarkInput');
    expect(document.components.schemas.MarkInput).toMatchObject({ properties: { value: expect.anything(), workKind: expect.anything() } });
    // Every reference resolves inside the document (strict tools refuse zod's `#/definitions/…`).
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]!);
    expect(refs.length).toBeGreaterThan(0);
    const unresolved = refs.filter((ref) => !ref.startsWith('#/components/schemas/') || !(ref.slice('#/components/schemas/'.length) in document.components.schemas));
    expect([...new Set(unresolved)]).toEqual([]);
    expect(JSON.stringify(document)).not.toContain('"definitions"');
  });

  it('serves Swagger UI at /api/docs', async () => {
    const page = await fetch(new URL('/api/docs', harness.gateway.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui-bundle.js');
    const bundle = await fetch(new URL('/api/docs/swagger-ui-bundle.js', harness.gateway.url));
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
  });
});
