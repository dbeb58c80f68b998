import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, IdentityEvents, type RpcRequest, type School, type IdentityRpc } from '#contracts';
import { Clock, OutboxWriter, requireSystemActor } from '#platform';
import { appendMarkSettingsLog, markSettingsOf, sameMarkSettings } from '../mark-settings/mark-settings-log.js';
import { SchoolEntity } from './school.entity.js';

function toSchool(entity: SchoolEntity): School {
  return {
    id: entity.id,
    name: entity.name,
    timeZone: entity.timeZone,
    markScaleMin: entity.markScaleMin,
    workKinds: entity.workKinds,
  };
}

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone });
  } catch {
    throw new DomainError(ErrorCode.ValidationFailed, `Неизвестный часовой пояс: ${timeZone}`, { timeZone });
  }
}

@Injectable()
export class SchoolsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async upsert(request: RpcRequest<typeof IdentityRpc.upsertSchool>): Promise<{ id: string }> {
    requireSystemActor();
    assertTimeZone(request.timeZone);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(SchoolEntity);
      const existing = await repository.findOneBy({ externalKey: request.externalKey });
      const entity = existing ?? repository.create({ id: randomUUID(), externalKey: request.externalKey });
      const unchanged =
        existing &&
        existing.name === request.name &&
        existing.timeZone === request.timeZone &&
        existing.markScaleMin === request.markScaleMin &&
        JSON.stringify(existing.workKinds) === JSON.stringify(request.workKinds);
      if (unchanged) return { id: entity.id };
      const before = existing && markSettingsOf(existing);
      const marksChanged = before !== null && !sameMarkSettings(before, request);
      Object.assign(entity, {
        name: request.name,
        timeZone: request.timeZone,
        markScaleMin: request.markScaleMin,
        workKinds: request.workKinds,
        markSettingsVersion: existing ? existing.markSettingsVersion + (marksChanged ? 1 : 0) : 1,
      });
      await repository.save(entity);
      // Loaded again with another scale or other kinds: the system's change, logged like the administration's.
      if (before && marksChanged) {
        await appendMarkSettingsLog(manager, {
          schoolId: entity.id,
          actorId: null,
          at: this.clock.now(),
          oldValue: before,
          newValue: markSettingsOf(entity),
          reason: null,
        });
      }
      await this.outbox.append(manager, IdentityEvents.schoolSaved, { schoolId: entity.id, ...toSchool(entity) });
      return { id: entity.id };
    });
  }

  async get(schoolId: string): Promise<School> {
    const entity = await this.dataSource.getRepository(SchoolEntity).findOneBy({ id: schoolId });
    if (!entity) throw new DomainError(ErrorCode.NotFound, 'Школа не найдена');
    return toSchool(entity);
  }
}
