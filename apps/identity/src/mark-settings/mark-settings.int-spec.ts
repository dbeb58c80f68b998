import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type Actor, ErrorCode, IdentityEvents, IdentityRpc, JournalRpc, MarkSettingsRpc, SYSTEM_SEED_ACTOR, type WorkKind } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, refusalOf, startTestService, type TestDeployment } from '#testing';
import { journalServiceSpec } from '../../../journal/src/journal.service-spec.js';
import { loadTeachingWorld, type PersonKey, type TeachingWorld } from '../assignments/teaching-world.test-kit.js';
import { identityServiceSpec } from '../identity.service-spec.js';
import { AS_SYSTEM, outboxEvents, personActor, TIME_ZONE } from '../identity.test-kit.js';

const ANSWER: WorkKind = { code: 'answer', nameRu: 'Ответ на уроке', weight: '1' };
const DICTATION: WorkKind = { code: 'dictation', nameRu: 'Диктант', weight: '1.5' };
const CONTROL: WorkKind = { code: 'control', nameRu: 'Контрольная работа', weight: '2' };

/** Identity keeps the settings; the real journal answers which kinds its marks have. */
describe('identity: the school’s mark scale and kinds of work (R-MARK-1, R-MARK-4)', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let journal: RunningService;
  let rpc: RpcClient;
  let dataSource: DataSource;
  let world: TeachingWorld;
  const as = (who: PersonKey): Actor => personActor(world.people[who], [world.roleOf(who)]);

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity', 'journal']);
    identity = await startTestService(identityServiceSpec, deployment);
    journal = await startTestService(journalServiceSpec, deployment);
    rpc = identity.app.get(RpcClient);
    dataSource = identity.app.get(DataSource);
    world = await loadTeachingWorld(rpc);
  });

  afterAll(async () => {
    await journal?.close();
    await identity?.close();
    await deployment?.dispose();
  });

  const settingsOf = (schoolId: string, who: PersonKey = 'deputy') => rpc.call(MarkSettingsRpc.get, { schoolId }, { actor: as(who) });
  const save = (
    schoolId: string,
    who: PersonKey,
    input: { markScaleMin?: 1 | 2; workKinds: Array<Omit<WorkKind, 'weight'> & { weight?: string }>; reason?: string; expectedVersion?: number },
  ) => rpc.call(MarkSettingsRpc.set, { schoolId, markScaleMin: 2, ...input }, { actor: as(who) });
  const logOf = (schoolId: string, who: PersonKey = 'deputy') => rpc.call(MarkSettingsRpc.log, { schoolId }, { actor: as(who) });

  /** A lesson of math of 6А with one mark of the kind, loaded as another system would (R-DATA-2). */
  async function markOfKind(workKind: string): Promise<void> {
    await rpc.call(
      JournalRpc.importLessons,
      {
        schoolId: world.schoolA,
        timeZone: TIME_ZONE,
        lessons: [
          {
            lessonId: randomUUID(),
            pageId: world.mathA,
            date: '2026-11-20',
            topic: 'Диктант № 2',
            homework: null,
            enteredAt: '2026-11-20T10:00:00+05:00',
            enteredBy: world.people.outgoing,
            marks: [{ studentId: world.people.student, value: 4, workKind, enteredAt: '2026-11-20T10:00:00+05:00' }],
          },
        ],
      },
      AS_SYSTEM,
    );
  }

  it('R-MARK-1: the deputy reads the school’s scale (2–5) and kinds of work with their weights and a version', async () => {
    await expect(settingsOf(world.schoolB, 'otherDeputy')).resolves.toEqual({
      schoolId: world.schoolB,
      markScaleMin: 2,
      workKinds: [ANSWER],
      version: 1,
    });
  });

  it('R-MARK-4: the director adds kinds (one without a weight counts once), renames and reweights, enables 1; logged and announced', async () => {
    const before = await settingsOf(world.schoolA);
    const saved = await save(world.schoolA, 'director', {
      markScaleMin: 1,
      workKinds: [{ ...ANSWER, nameRu: 'Устный ответ', weight: '1.25' }, DICTATION, { code: 'homework', nameRu: 'Домашняя работа' }],
      reason: 'Приказ № 17 от 01.12.2026',
      expectedVersion: before.version,
    });
    const workKinds = [{ ...ANSWER, nameRu: 'Устный ответ', weight: '1.25' }, DICTATION, { code: 'homework', nameRu: 'Домашняя работа', weight: '1' }];
    expect(saved).toEqual({ schoolId: world.schoolA, markScaleMin: 1, workKinds, version: before.version + 1 });
    // What the journal checks marks against (R-MARK-1, R-MARK-4) is the school as identity keeps it.
    await expect(rpc.call(IdentityRpc.getSchool, { schoolId: world.schoolA })).resolves.toMatchObject({ markScaleMin: 1, workKinds });

    const { entries } = await logOf(world.schoolA);
    expect(entries[0]).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      actorId: world.people.director,
      actorName: 'Гусев Аркадий Львович',
      oldValue: { markScaleMin: before.markScaleMin, workKinds: before.workKinds },
      newValue: { markScaleMin: 1, workKinds },
      reason: 'Приказ № 17 от 01.12.2026',
    });
    const announced = await outboxEvents(dataSource, IdentityEvents.schoolSaved);
    expect(announced.at(-1)).toMatchObject({ schoolId: world.schoolA, markScaleMin: 1, workKinds });
  });

  it('R-MARK-4: saving the same settings again changes nothing: same version, no log entry, no event', async () => {
    const current = await settingsOf(world.schoolA);
    const logged = (await logOf(world.schoolA)).entries.length;
    const events = (await outboxEvents(dataSource, IdentityEvents.schoolSaved)).length;
    await expect(save(world.schoolA, 'deputy', { markScaleMin: current.markScaleMin, workKinds: current.workKinds })).resolves.toEqual(current);
    expect((await logOf(world.schoolA)).entries).toHaveLength(logged);
    expect(await outboxEvents(dataSource, IdentityEvents.schoolSaved)).toHaveLength(events);
  });

  it('R-MARK-4, R-MARK-7: a kind that marks have is renamed and reweighted but not removed; a kind without marks is removed', async () => {
    await save(world.schoolA, 'deputy', { workKinds: [ANSWER, DICTATION, CONTROL] });
    await markOfKind('dictation');

    const refusal = await refusalOf(save(world.schoolA, 'deputy', { workKinds: [ANSWER, CONTROL] }));
    expect(refusal).toEqual({
      code: ErrorCode.Conflict,
      message: 'Виды работ уже есть в отметках, их можно переименовать или изменить вес, но не удалить: «Диктант»',
      details: { workKinds: ['dictation'] },
    });
    const renamed = { ...DICTATION, nameRu: 'Словарный диктант', weight: '2' };
    await expect(save(world.schoolA, 'deputy', { workKinds: [ANSWER, renamed] })).resolves.toMatchObject({ workKinds: [ANSWER, renamed] });
  });

  it('safe writes: a stale version is refused with the current settings and changes nothing', async () => {
    const current = await settingsOf(world.schoolA);
    await expect(save(world.schoolA, 'deputy', { workKinds: [ANSWER, DICTATION], expectedVersion: current.version - 1 })).rejects.toMatchObject({
      code: ErrorCode.VersionConflict,
      details: { current },
    });
    await expect(settingsOf(world.schoolA)).resolves.toEqual(current);
  });

  it('refuses repeated codes or names and weights that are not above zero', async () => {
    await expect(save(world.schoolA, 'deputy', { workKinds: [ANSWER, { ...ANSWER, nameRu: 'Ещё ответ' }] })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
    await expect(save(world.schoolA, 'deputy', { workKinds: [ANSWER, { code: 'oral', nameRu: ' ответ на уроке' }] })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
    await expect(save(world.schoolA, 'deputy', { workKinds: [{ ...ANSWER, weight: '0' }] })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
    await expect(save(world.schoolA, 'deputy', { workKinds: [] })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('who: the system administrator changes them, the coordinator only reads, a teacher is refused, another school sees nothing', async () => {
    const current = await settingsOf(world.schoolA);
    await expect(save(world.schoolA, 'sysadmin', { workKinds: current.workKinds, markScaleMin: current.markScaleMin })).resolves.toEqual(current);
    await expect(settingsOf(world.schoolA, 'coordinator')).resolves.toEqual(current);
    await expect(logOf(world.schoolA, 'coordinator')).resolves.toMatchObject({ entries: expect.any(Array) });
    await expect(save(world.schoolA, 'coordinator', { workKinds: current.workKinds })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(settingsOf(world.schoolA, 'classTeacher')).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    expect(await refusalOf(settingsOf(world.schoolA, 'otherDeputy'))).toEqual(await refusalOf(settingsOf(randomUUID(), 'otherDeputy')));
    await expect(settingsOf(world.schoolA, 'otherDeputy')).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('a school loaded again by the system with other kinds: a new version, logged with no actor', async () => {
    const current = await settingsOf(world.schoolB, 'otherDeputy');
    await rpc.call(
      IdentityRpc.upsertSchool,
      {
        externalKey: `test:school:${world.key}:b`,
        name: `МБОУ «Тестовая СОШ» (test:school:${world.key}:b)`,
        timeZone: TIME_ZONE,
        markScaleMin: 2,
        workKinds: [ANSWER, CONTROL],
      },
      { actor: SYSTEM_SEED_ACTOR },
    );
    await expect(settingsOf(world.schoolB, 'otherDeputy')).resolves.toEqual({ ...current, workKinds: [ANSWER, CONTROL], version: current.version + 1 });
    expect((await logOf(world.schoolB, 'otherDeputy')).entries).toEqual([
      expect.objectContaining({ actorId: null, actorName: null, newValue: { markScaleMin: 2, workKinds: [ANSWER, CONTROL] }, reason: null }),
    ]);
  });
});
