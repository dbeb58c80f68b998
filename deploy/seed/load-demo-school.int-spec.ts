import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { CurriculumRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment, TODAY } from '#testing';
import { attendanceServiceSpec } from '../../apps/attendance/src/attendance.service-spec.js';
import { identityServiceSpec } from '../../apps/identity/src/identity.service-spec.js';
import { journalServiceSpec } from '../../apps/journal/src/journal.service-spec.js';
import { planningServiceSpec } from '../../apps/planning/src/planning.service-spec.js';
import { loadDemoSchool } from './load-demo-school.js';
import { planDemoSchool, SMALL_DEMO_SCHOOL } from './school/demo-school-plan.js';

describe('the demo school loader: the curriculum from the federal one', () => {
  let deployment: TestDeployment;
  const services: RunningService[] = [];
  let planning: RunningService;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity', 'planning', 'journal', 'attendance']);
    // Journal and attendance answer planning when it asks what lessons hold; the history itself is not loaded here.
    for (const spec of [identityServiceSpec, planningServiceSpec, journalServiceSpec, attendanceServiceSpec]) {
      services.push(await startTestService(spec, deployment));
    }
    planning = services[1]!;
  }, 60_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.close()));
    await deployment?.dispose();
  });

  const load = () =>
    loadDemoSchool({ rpc: planning.app.get(RpcClient), plan: planDemoSchool(SMALL_DEMO_SCHOOL), today: TODAY, loadHistory: false, password: 'demo' });

  async function planningRows(): Promise<{ lines: number; history: number; events: number }> {
    const [row] = await planning.app
      .get(DataSource)
      .query<Array<{ lines: number; history: number; events: number }>>(
        `SELECT (SELECT count(*)::int FROM curriculum_line) AS lines, (SELECT count(*)::int FROM curriculum_history) AS history,
                (SELECT count(*)::int FROM outbox) AS events`,
      );
    return row!;
  }

  it('R-CAL-3, R-MARK-1: each year of the demo gets the federal plan of its grades; a second load adds nothing', async () => {
    const first = await load();
    const rpc = planning.app.get(RpcClient);
    for (const [label, yearId] of first.yearIds) {
      const { lines } = await rpc.call(CurriculumRpc.get, { schoolId: first.schoolId, yearId }, { actor: SYSTEM_SEED_ACTOR });
      expect({ label, grades: [...new Set(lines.map((line) => line.grade))] }).toEqual({ label, grades: [1, 5] });
      const grade5 = Object.fromEntries(lines.filter((line) => line.grade === 5).map((line) => [line.subjectCode, line]));
      expect(grade5.history).toMatchObject({ hoursPerWeek: 3, annualHours: 102 });
      expect(grade5['foreign-language']).toMatchObject({ split: true });
    }
    const before = await planningRows();
    expect(before.lines).toBeGreaterThan(0);
    expect(before.history).toBe(before.lines);

    const second = await load();
    expect(second.yearIds).toEqual(first.yearIds);
    expect(await planningRows()).toEqual(before);
  });
});
