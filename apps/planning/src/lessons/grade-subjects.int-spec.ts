import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CurriculumRpc, GradeSubjectsRpc, PlanningRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment } from '#testing';
import { identityServiceSpec } from '../../../identity/src/identity.service-spec.js';
import { planningServiceSpec } from '../planning.service-spec.js';
import { type JournalSchool, loadJournalSchool } from '../testing/journal-school.js';

describe('planning: a subject as a grade has it in a year (R-MARK-1)', () => {
  let deployment: TestDeployment;
  const services: RunningService[] = [];
  let rpc: RpcClient;
  let school: JournalSchool;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity', 'planning']);
    services.push(await startTestService(identityServiceSpec, deployment));
    const planning = await startTestService(planningServiceSpec, deployment);
    services.push(planning);
    rpc = planning.app.get(RpcClient);
    school = await loadJournalSchool(rpc, 'grade-subjects');
  }, 120_000);

  afterAll(async () => {
    for (const service of services.reverse()) await service.close();
    await deployment?.dispose();
  });

  const subjectOf = (grade: number, subjectCode: string) =>
    rpc.call(GradeSubjectsRpc.get, { yearId: school.year.id, grade, subjectCode }, { actor: school.actor('teacher') });

  it('R-MARK-1: without a curriculum line the school\'s subject says; a line of the grade decides for that grade, as for its lessons', async () => {
    await expect(subjectOf(5, 'music')).resolves.toEqual({ schoolId: school.schoolId, code: 'music', nameRu: 'Музыка', marked: true });
    await rpc.call(
      CurriculumRpc.setLine,
      { schoolId: school.schoolId, yearId: school.year.id, grade: 5, subjectCode: 'music', hoursPerWeek: 1, marked: false },
      { actor: school.actor('deputy') },
    );
    await expect(subjectOf(5, 'music')).resolves.toMatchObject({ marked: false });
    await expect(subjectOf(6, 'music')).resolves.toMatchObject({ marked: true });
    // The same answer a lesson of 5А's music gives the journal.
    const lesson = await rpc.call(PlanningRpc.getLesson, { lessonId: school.lessons.music });
    expect(lesson.subject).toEqual(await subjectOf(5, 'music'));
  });

  it('a year that does not exist is NOT_FOUND', async () => {
    await expect(
      rpc.call(GradeSubjectsRpc.get, { yearId: '0e0e0e0e-0000-4000-8000-00000000dead', grade: 5, subjectCode: 'music' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
