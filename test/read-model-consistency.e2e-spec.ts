import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AttendanceRpc, ConsistencyRpc, ErrorCode, FinalResultsRpc, JournalRpc, MarksRpc, RosterRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { FixedClock } from '#platform';
import { loginThroughDevIdp } from '#testing';
import { checkCommand, rebuildCommand } from '../deploy/read-model/read-model-admin.js';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from './permission-matrix/matrix-system.js';
import { actorOf, loadMatrixWorld, type MatrixWorld, PASSWORD, TODAY } from './permission-matrix/matrix-world.js';

/**
 * Issue 6, item 7: the read model can be rebuilt from the services by a command, and a check compares its
 * totals with the services' own counts. Every service is real; the two schools of the permission matrix, with marks
 * (one deleted), a topic, an absence, a late arrival and a period result.
 */
describe('issue 6 item 7: read model consistency check and rebuild', () => {
  let system: MatrixSystem;
  let world: MatrixWorld;
  let readModelDb: DataSource;
  const output: string[] = [];
  const print = (line: string) => output.push(line);
  const asSystem = { actor: SYSTEM_SEED_ACTOR, timeoutMs: 60_000 };
  const journalMarksOfSchoolA = async () => {
    const { pageIds } = await system.rpc.call(ConsistencyRpc.identityCounts, { schoolId: world.schoolA }, asSystem);
    const { counts } = await system.rpc.call(ConsistencyRpc.journalCounts, { schoolId: world.schoolA, pageIds }, asSystem);
    return counts['journal.marks']!;
  };

  beforeAll(async () => {
    system = await startMatrixSystem(new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)));
    world = await loadMatrixWorld(system.rpc, { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
    const predecessor = { actor: actorOf(world, 'predecessor') };
    const lessonId = world.resources['lesson:math-a-substituted'].id;
    await system.rpc.call(JournalRpc.saveLessonContent, { lessonId, topic: 'Сложение дробей', homework: '№ 215' }, predecessor);
    await system.rpc.call(MarksRpc.delete, { lessonId, markId: world.marks.deletedBy.teacher, reason: 'Ошибка' }, predecessor);
    await system.rpc.call(AttendanceRpc.setEntry, { lessonId, studentId: world.people.student, status: 'late', minutesLate: 7 }, predecessor);
    await system.rpc.call(
      FinalResultsRpc.set,
      {
        pageId: world.resources['page:math-a'].id,
        term: 'period',
        termId: world.years.a.periods.find((period) => period.number === 1)!.id,
        studentId: world.people.student,
        value: 5,
      },
      predecessor,
    );
    await system.settle();
    // The services start in the order identity, planning, journal, attendance, reporting.
    readModelDb = system.services[4]!.app.get(DataSource);
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  it('read model consistency: after the read model caught up, every source agrees with it on every measure of every school', async () => {
    const report = await system.rpc.call(ConsistencyRpc.check, {}, asSystem);
    expect(report.differences).toEqual([]);
    expect(report.backlog).toBe(0);
    expect(report.schools.map((school) => school.schoolId).sort()).toEqual(expect.arrayContaining([world.schoolA, world.schoolB].sort()));
    // The totals compared are the world's, not zeros: the marks (one deleted), topic, absence, late arrival, result.
    const { counts } = await system.rpc.call(ConsistencyRpc.readModelCounts, { schoolId: world.schoolA }, asSystem);
    expect(counts).toMatchObject({
      'journal.marks': await journalMarksOfSchoolA(),
      'journal.lessons.withTopic': 1,
      'journal.results.period': 1,
      'attendance.absent.unstated': 1,
      'attendance.late': 1,
    });
    expect(counts['journal.marks']).toBeGreaterThanOrEqual(2);
    expect(counts['planning.lessons.scheduled']).toBeGreaterThan(0);
    expect(counts['identity.studentsEnrolled']).toBeGreaterThan(0);
  });

  it("read model consistency: the school's system administrator and coordinator check their school through the API", async () => {
    for (const login of ['sysadmin', 'coordinator']) {
      const session = await loginThroughDevIdp(system.gateway.url, login, PASSWORD);
      const response = await session.get(`/api/v1/schools/${world.schoolA}/consistency`);
      expect(response.status).toBe(200);
      const report = (await response.json()) as { schools: Array<{ schoolId: string; measures: number }>; differences: unknown[] };
      expect(report.schools).toEqual([{ schoolId: world.schoolA, measures: expect.any(Number) }]);
      expect(report.schools[0]!.measures).toBeGreaterThan(20);
      expect(report.differences).toEqual([]);
    }
    const document = (await (await fetch(new URL('/api/openapi.json', system.gateway.url))).json()) as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
    };
    expect(JSON.stringify(document.paths['/api/v1/schools/{schoolId}/consistency']?.get?.responses['200'])).toContain('differences');
  });

  it('read model consistency: the counts are answered to the system only, and only the system checks every school', async () => {
    const coordinator = { actor: actorOf(world, 'coordinator') };
    await expect(system.rpc.call(ConsistencyRpc.identityCounts, { schoolId: world.schoolA }, coordinator)).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
    await expect(system.rpc.call(ConsistencyRpc.journalCounts, { schoolId: world.schoolA, pageIds: [] }, coordinator)).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
    await expect(system.rpc.call(ConsistencyRpc.check, {}, coordinator)).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(system.rpc.call(ConsistencyRpc.check, { schoolId: world.schoolB }, coordinator)).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
  });

  it('read model consistency: a school id nobody knows is NOT_FOUND (the command exits 2), not "no differences"', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await expect(system.rpc.call(ConsistencyRpc.check, { schoolId: unknown, waitMs: 0 }, asSystem)).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    await expect(checkCommand(system.rpc, { schoolId: unknown, json: false }, () => undefined)).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
  });

  it('read model rebuild (R-DATA-1, derived data restored and verified): a mark lost from the read model is reported as exactly that difference, and the rebuild brings it back', async () => {
    const marks = await journalMarksOfSchoolA();
    await readModelDb.query('DELETE FROM mark WHERE id = $1', [world.marks.changed]);

    output.length = 0;
    await expect(checkCommand(system.rpc, { schoolId: world.schoolA, json: false }, print)).resolves.toBe(1);
    expect(output).toContain(`DIFFERENCE school ${world.schoolA} journal.marks: journal counts ${marks}, the read model ${marks - 1}`);
    const report = await system.rpc.call(ConsistencyRpc.check, {}, asSystem);
    expect(report.differences).toEqual([
      { schoolId: world.schoolA, source: 'journal', what: 'journal.marks', sourceCount: marks, readModelCount: marks - 1 },
    ]);

    output.length = 0;
    await expect(rebuildCommand(system.rpc, { json: false }, print)).resolves.toBe(0);
    expect(output[0]).toMatch(/replaying the event stream/);
    expect(output).toContain('read model: caught up (backlog 0)');
    expect(output.at(-1)).toBe('no differences');
    expect(await readModelDb.query('SELECT id FROM mark WHERE id = $1', [world.marks.changed])).toHaveLength(1);
    const rebuilt = await system.rpc.call(ConsistencyRpc.check, { schoolId: world.schoolA }, asSystem);
    expect(rebuilt.differences).toEqual([]);
  }, 120_000);

  it('read model consistency: an ended guardianship leaves the read model as it leaves identity', async () => {
    const before = await system.rpc.call(ConsistencyRpc.readModelCounts, { schoolId: world.schoolA }, asSystem);
    await system.rpc.call(RosterRpc.endGuardianship, { studentId: world.people.studentA2, parentId: world.people.otherParent }, asSystem);
    await system.settle();
    const report = await system.rpc.call(ConsistencyRpc.check, { schoolId: world.schoolA }, asSystem);
    expect(report.differences).toEqual([]);
    const after = await system.rpc.call(ConsistencyRpc.readModelCounts, { schoolId: world.schoolA }, asSystem);
    expect(after.counts['identity.guardianships']).toBe(before.counts['identity.guardianships']! - 1);
  });
});
