import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { type ApiSession, loginThroughDevIdp } from '#testing';
import { startStack } from '../deploy/dev-stack/stack.js';
import { stackConfig } from '../deploy/dev-stack/stack-config.js';
import { type Budget, report } from './budgets.js';
import { load, type Target } from './http-load.js';
import { timeReport } from './report-timings.js';

// Performance budgets of the main job, measured through the whole stack as deployed (each service its own process:
// gateway → NATS → services → PostgreSQL) with the full demo school, on one machine. The rates are far above the modelled municipal peak (about 35 marks/s and 11 diary reads/s for
// 50 schools, see ../shared/research/performance-anchors.md): the budgets police tail latency and failures.
const TODAY = '2026-12-03';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

Logger.overrideLogger(['error']);

function cookieHeaders(session: ApiSession, path: string): Record<string, string> {
  const cookie = session.jar.headerFor(new URL(path, session.baseUrl));
  return {
    ...(cookie ? { cookie } : {}),
    ...(session.csrfToken ? { 'x-csrf-token': session.csrfToken } : {}),
    'content-type': 'application/json',
  };
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function main(): Promise<void> {
  const started = performance.now();
  // A deployment of its own (database, NATS prefix, ports), kept between runs so the demo loads only once.
  const config = stackConfig({
    ...process.env,
    EJ_DATABASE: 'ejournal_bench',
    NATS_PREFIX: 'bench',
    EJ_GATEWAY_PORT: '3300',
    EJ_DEV_IDP_PORT: '3301',
    EJ_FIRST_HEALTH_PORT: '3310',
    EJ_LOG_DIR: '.run/bench-logs',
    EJ_PUBLIC_HOST: '127.0.0.1',
    CLOCK_NOW: `${TODAY}T10:00:00+05:00`,
  });
  const system = await startStack(config, (line) => console.log(`[bench] ${line}`), {
    RATE_LIMIT_ACCOUNT: '1000000/60',
    RATE_LIMIT_CLIENT: '1000000/60',
    RATE_LIMIT_SIGN_IN_IP: '1000000/60',
  });
  console.log(`system up with the demo school in ${Math.round((performance.now() - started) / 1000)} s`);
  const budgets: Budget[] = [];
  try {
    const gateway = config.gatewayUrl;
    // Lesson-end bursts come from many teachers at once, each writing on their own lessons.
    const writeTargets: Target[] = [];
    const teacherLogins = system.plan.logins.filter((login) => login.roles.includes('teacher') && login.canSignIn).slice(0, 15);
    for (const { login } of teacherLogins) {
      const teacher = await loginThroughDevIdp(gateway, login, config.EJ_DEMO_PASSWORD);
      const lessons = await json<Array<{ lessonId: string }>>(await teacher.get('/api/v1/me/lessons'));
      for (const { lessonId } of lessons) {
        const view = await json<{ marksAllowed: boolean; students: Array<{ studentId: string }> }>(
          await teacher.get(`/api/v1/lessons/${lessonId}`),
        );
        if (!view.marksAllowed) continue;
        const path = `/api/v1/lessons/${lessonId}/marks`;
        view.students.forEach((student, i) =>
          writeTargets.push({
            path,
            headers: cookieHeaders(teacher, path),
            body: JSON.stringify({ studentId: student.studentId, value: 2 + (i % 4), workKind: 'answer' }),
          }),
        );
      }
    }
    if (writeTargets.length === 0) throw new Error('no teacher has a lesson to mark today');
    // Interleave lessons, as a burst of many teachers would.
    writeTargets.sort((a, b) => (a.body! < b.body! ? -1 : 1));
    const writes = await load({ baseUrl: gateway, method: 'POST', targets: writeTargets, rate: 100, seconds: SECONDS });
    budgets.push({
      name: 'mark write, 100/s',
      measured: `p50 ${writes.p50Ms} ms, p99 ${writes.p99Ms} ms, ${writes.ratePerSecond}/s, ${writes.failed} failed`,
      limit: 'p99 ≤ 250 ms, none failed',
      kept: writes.p99Ms <= 250 && writes.failed === 0,
    });

    const parent = await loginThroughDevIdp(gateway, 'parent', config.EJ_DEMO_PASSWORD);
    const { children } = await json<{ children: Array<{ id: string }> }>(await parent.get('/api/v1/children'));
    const diaryPath = `/api/v1/students/${children[0]!.id}/diary?week=2026-11-30`;
    const reads = await load({
      baseUrl: gateway,
      method: 'GET',
      targets: [{ path: diaryPath, headers: cookieHeaders(parent, diaryPath) }],
      rate: 200,
      seconds: SECONDS,
    });
    budgets.push({
      name: 'diary week read, 200/s',
      measured: `p50 ${reads.p50Ms} ms, p99 ${reads.p99Ms} ms, ${reads.ratePerSecond}/s, ${reads.failed} failed`,
      limit: 'p99 ≤ 150 ms, none failed',
      kept: reads.p99Ms <= 150 && reads.failed === 0,
    });

    const classTeacher = await loginThroughDevIdp(gateway, 'classteacher', config.EJ_DEMO_PASSWORD);
    const me = await json<{ classesLed: Array<{ id: string; academicYear: string }> }>(await classTeacher.get('/api/v1/me'));
    const ownClass = me.classesLed.find((c) => c.academicYear === '2026/2027')!;
    const timings: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const start = performance.now();
      await json(await classTeacher.get(`/api/v1/classes/${ownClass.id}/summary`));
      timings.push(performance.now() - start);
    }
    timings.sort((a, b) => a - b);
    const p95 = Math.round(timings[Math.floor(timings.length * 0.95) - 1]!);
    budgets.push({
      name: 'class quarter summary',
      measured: `p95 ${p95} ms over 30 requests`,
      limit: 'p95 ≤ 500 ms',
      kept: p95 <= 500,
    });

    // The management's reports over the whole school (about 1,000 students), JSON and the files people print.
    const deputy = await loginThroughDevIdp(gateway, 'deputy', config.EJ_DEMO_PASSWORD);
    const { grants } = await json<{ grants: Array<{ role: string; schoolId: string }> }>(await deputy.get('/api/v1/me'));
    const schoolId = grants.find((grant) => grant.role === 'deputy')!.schoolId;
    const { years } = await json<{ years: Array<{ id: string; label: string; periods: Array<{ id: string; nameRu: string }> }> }>(
      await deputy.get(`/api/v1/schools/${schoolId}/years`),
    );
    const thisYear = years.find((year) => year.label === '2026/2027')!;
    const quarter = (nameRu: string) => thisYear.periods.find((period) => period.nameRu === nameRu)!.id;
    const [first, second] = [quarter('I четверть'), quarter('II четверть')];
    const performancePath = `/api/v1/schools/${schoolId}/periods/${first}/performance?compareWith=${second}`;
    budgets.push(await timeReport(deputy, 'school performance report, JSON', performancePath, 3_000));
    budgets.push(await timeReport(deputy, 'school performance report, XLSX', `${performancePath}&format=xlsx`, 4_000, 5));
    budgets.push(await timeReport(deputy, 'class period summary, PDF', `/api/v1/classes/${ownClass.id}/periods/${first}/summary?format=pdf`, 1_000));
    const coordinator = await loginThroughDevIdp(gateway, 'coordinator', config.EJ_DEMO_PASSWORD);
    budgets.push(await timeReport(coordinator, 'completeness report (R-REP-3), a quarter', `/api/v1/schools/${schoolId}/reports/completeness?periodId=${first}`, 3_000));
    budgets.push(await timeReport(coordinator, 'attendance report, a quarter', `/api/v1/schools/${schoolId}/reports/attendance?periodId=${first}`, 2_000));
    budgets.push(await timeReport(coordinator, 'planned vs delivered hours, a quarter', `/api/v1/schools/${schoolId}/reports/plan-delivery?periodId=${first}`, 5_000, 5));
  } finally {
    await system.stop();
  }
  console.log(report(budgets));
  process.exit(budgets.every((budget) => budget.kept) ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
