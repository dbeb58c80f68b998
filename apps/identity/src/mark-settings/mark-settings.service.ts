import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  DomainError,
  ErrorCode,
  IdentityEvents,
  MarksRpc,
  type MarkSettings,
  type MarkSettingsChange,
  type MarkSettingsRpc,
  PAGES_PER_WORK_KINDS_QUERY,
  personIdOf,
  type RpcRequest,
  type WorkKind,
} from '#contracts';
import { Clock, currentActor, OutboxWriter, RpcClient } from '#platform';
import { AccessCheck, notFound } from '../access/access-check.js';
import { scopedQuery } from '../database/scoped-query.js';
import { SchoolEntity } from '../schools/school.entity.js';
import {
  appendMarkSettingsLog,
  markSettingsOf,
  type MarkSettingsValue,
  readMarkSettingsLog,
  sameMarkSettings,
} from './mark-settings-log.js';

/** Identity asks the journal as itself: the journal answers which kinds are used, never whose marks. */
const IDENTITY: Actor = { kind: 'system', name: 'identity' };

function toMarkSettings(school: SchoolEntity): MarkSettings {
  return {
    schoolId: school.id,
    markScaleMin: school.markScaleMin,
    workKinds: school.workKinds,
    version: school.markSettingsVersion,
  };
}

/** Codes and Russian names of kinds are each unique in a school: a teacher picks a kind by its name. */
function assertDistinct(workKinds: readonly WorkKind[]): void {
  const repeated = (keyOf: (kind: WorkKind) => string) =>
    workKinds.filter((kind, index) => workKinds.findIndex((other) => keyOf(other) === keyOf(kind)) !== index);
  const codes = repeated((kind) => kind.code);
  const names = repeated((kind) => kind.nameRu.trim().toLocaleLowerCase('ru'));
  if (codes.length > 0 || names.length > 0) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Коды и названия видов работ не должны повторяться', {
      issues: [...codes, ...names].map((kind) => ({ path: 'workKinds', message: `Повторяется вид работы «${kind.nameRu}» (${kind.code})` })),
    });
  }
}

/**
 * The school's mark scale and kinds of work with their weights (R-MARK-1, R-MARK-4), kept by its administration.
 * A kind is known by its code: it may be renamed and reweighted at any time, and a weight counts for every mark of
 * the kind whenever an average is computed; a kind that marks have (deleted ones too, their history names it) is not
 * removed. Every change is logged and announced (`schoolSaved`) in one transaction.
 */
@Injectable()
export class MarkSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessCheck,
    private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
    private readonly rpc: RpcClient,
  ) {}

  async get(schoolId: string): Promise<MarkSettings> {
    await this.access.assertMay('schools.mark-settings.read', { type: 'school', id: schoolId });
    return toMarkSettings(await this.school(this.dataSource.manager, schoolId, false));
  }

  async set(request: RpcRequest<typeof MarkSettingsRpc.set>): Promise<MarkSettings> {
    await this.access.assertMay('schools.mark-settings.write', { type: 'school', id: request.schoolId });
    const workKinds: WorkKind[] = request.workKinds.map((kind) => ({ code: kind.code, nameRu: kind.nameRu.trim(), weight: kind.weight ?? '1' }));
    assertDistinct(workKinds);
    const wanted: MarkSettingsValue = { markScaleMin: request.markScaleMin, workKinds };
    const actorId = personIdOf(currentActor());
    return this.dataSource.transaction(async (manager) => {
      const school = await this.school(manager, request.schoolId, true);
      if (request.expectedVersion !== undefined && request.expectedVersion !== school.markSettingsVersion) {
        throw new DomainError(ErrorCode.VersionConflict, 'Настройки отметок уже изменены другим пользователем: обновите страницу', {
          current: toMarkSettings(school),
        });
      }
      const before = markSettingsOf(school);
      if (sameMarkSettings(before, wanted)) return toMarkSettings(school);
      await this.assertRemovable(manager, school, workKinds);

      const version = school.markSettingsVersion + 1;
      await manager
        .getRepository(SchoolEntity)
        .update({ id: school.id }, { markScaleMin: wanted.markScaleMin, workKinds, markSettingsVersion: version });
      await appendMarkSettingsLog(manager, {
        schoolId: school.id,
        actorId,
        at: this.clock.now(),
        oldValue: before,
        newValue: wanted,
        reason: request.reason ?? null,
      });
      await this.outbox.append(manager, IdentityEvents.schoolSaved, {
        schoolId: school.id,
        name: school.name,
        timeZone: school.timeZone,
        markScaleMin: wanted.markScaleMin,
        workKinds,
      });
      return { schoolId: school.id, ...wanted, version };
    });
  }

  async log(request: RpcRequest<typeof MarkSettingsRpc.log>): Promise<{ entries: MarkSettingsChange[]; next: string | null }> {
    await this.access.assertMay('schools.mark-settings.log.read', { type: 'school', id: request.schoolId });
    return readMarkSettingsLog(this.dataSource.manager, request.schoolId, request.limit ?? 100, request.before);
  }

  private async school(manager: EntityManager, schoolId: string, forUpdate: boolean): Promise<SchoolEntity> {
    const school = await manager
      .getRepository(SchoolEntity)
      .findOne({ where: { id: schoolId }, ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!school) throw notFound('school');
    return school;
  }

  /** Kinds left out of the new list must have no marks on any page of the school (R-MARK-7: history names them). */
  private async assertRemovable(manager: EntityManager, school: SchoolEntity, workKinds: readonly WorkKind[]): Promise<void> {
    const kept = new Set(workKinds.map((kind) => kind.code));
    const removed = school.workKinds.filter((kind) => !kept.has(kind.code));
    if (removed.length === 0) return;
    const pages = await scopedQuery<{ id: string }>(manager, 'SELECT id FROM page WHERE school_id = $1 ORDER BY id', [school.id]);
    const used = new Set<string>();
    for (let index = 0; index < pages.length; index += PAGES_PER_WORK_KINDS_QUERY) {
      const pageIds = pages.slice(index, index + PAGES_PER_WORK_KINDS_QUERY).map((page) => page.id);
      const answer = await this.rpc.call(MarksRpc.workKindsUsed, { pageIds, workKinds: removed.map((kind) => kind.code) }, { actor: IDENTITY });
      for (const code of answer.workKinds) used.add(code);
    }
    const inUse = removed.filter((kind) => used.has(kind.code));
    if (inUse.length > 0) {
      throw new DomainError(
        ErrorCode.Conflict,
        `Виды работ уже есть в отметках, их можно переименовать или изменить вес, но не удалить: ${inUse.map((kind) => `«${kind.nameRu}»`).join(', ')}`,
        { workKinds: inUse.map((kind) => kind.code) },
      );
    }
  }
}
