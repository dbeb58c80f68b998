import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startDevIdp } from '../../../dev-idp/src/start-dev-idp.js';
import { CHILD, CLASS_5A, PARENT, SCHOOL, TEACHER } from '../testing/fake-world.js';
import { type GatewayHarness, startGatewayHarness } from '../testing/gateway-harness.js';

describe('gateway: the e-diary and the class reports', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness(startDevIdp);
  });

  afterAll(async () => {
    await harness?.dispose();
  });

  const lastPayload = (subject: string) => harness.world.seen.filter((call) => call.subject === subject).at(-1)?.payload;

  it("R-REP-4: a parent lists their children", async () => {
    const parent = await harness.login(PARENT);
    const response = await parent.get('/api/v1/children');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ children: [CHILD] });
  });

  it("R-REP-4: a parent reads the child's diary for this week in the school's calendar, or for a given week", async () => {
    const parent = await harness.login(PARENT);
    const thisWeek = await parent.get(`/api/v1/students/${CHILD.id}/diary`);
    expect(thisWeek.status).toBe(200);
    expect(await thisWeek.json()).toMatchObject({ studentId: CHILD.id, weekStart: '2026-11-30' });
    expect(lastPayload('identity.students.access')).toEqual({ studentId: CHILD.id, date: '2026-12-03' });

    const later = await parent.get(`/api/v1/students/${CHILD.id}/diary?week=2026-12-10`);
    expect(await later.json()).toMatchObject({ weekStart: '2026-12-07' });
  });

  it("R-REP-4: a parent reads the child's marks of the current period", async () => {
    const parent = await harness.login(PARENT);
    const response = await parent.get(`/api/v1/students/${CHILD.id}/marks`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ studentId: CHILD.id, period: { nameRu: '2 четверть' } });
    expect(lastPayload('reporting.diary.marks')).toEqual({ studentId: CHILD.id, date: '2026-12-03' });
  });

  it('R-REP-1: the class teacher reads the class summary; a class they do not lead is not found', async () => {
    const teacher = await harness.login(TEACHER);
    const own = await teacher.get(`/api/v1/classes/${CLASS_5A.id}/summary`);
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ classId: CLASS_5A.id, className: '5А' });
    expect(lastPayload('reporting.classes.summary')).toEqual({ classId: CLASS_5A.id, date: '2026-12-03' });

    const other = await teacher.get('/api/v1/classes/c1a55000-0000-4000-8000-0000000000aa/summary');
    expect(other.status).toBe(404);
  });

  it('R-MARK-4: a teacher of the school reads its kinds of work and their weights', async () => {
    const teacher = await harness.login(TEACHER);
    const response = await teacher.get(`/api/v1/schools/${SCHOOL.id}/work-kinds`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ schoolId: SCHOOL.id, workKinds: SCHOOL.workKinds });
    const elsewhere = await teacher.get('/api/v1/schools/5c000000-0000-4000-8000-0000000000ff/work-kinds');
    expect(elsewhere.status).toBe(404);
  });
});
