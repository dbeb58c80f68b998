import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IdentityEvents, type IdentityRpc, type RpcRequest } from '#contracts';
import { OutboxWriter, requireSystemActor } from '#platform';
import { assertIdsExist, assertUniqueKeys } from '../loading/batch-checks.js';
import { bulkUpsert } from '../loading/bulk-upsert.js';
import { resolveExternalKeys } from '../loading/resolve-external-keys.js';
import { ClassGroupEntity } from './class-group.entity.js';

@Injectable()
export class GroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async upsert(request: RpcRequest<typeof IdentityRpc.upsertGroups>): Promise<{ ids: Record<string, string> }> {
    requireSystemActor();
    assertUniqueKeys(request.groups.map((group) => group.externalKey));
    return this.dataSource.transaction(async (manager) => {
      await assertIdsExist(
        manager,
        'school_class',
        request.groups.map((group) => group.classId),
        'Класс не найден',
      );
      const ids = await resolveExternalKeys(
        manager,
        'class_group',
        request.groups.map((group) => group.externalKey),
      );
      const rows = request.groups.map((group) => ({ id: ids.get(group.externalKey)!, ...group }));
      const changed = await bulkUpsert<ClassGroupEntity, { id: string }>(manager, ClassGroupEntity, rows, {
        conflict: ['external_key'],
        overwrite: ['class_id', 'subject_code', 'name'],
        returning: ['id'],
      });
      const changedIds = new Set(changed.map((row) => row.id));
      if (changedIds.size > 0) {
        await this.outbox.append(manager, IdentityEvents.groupsSaved, {
          groups: rows
            .filter((row) => changedIds.has(row.id))
            .map((row) => ({ groupId: row.id, classId: row.classId, subjectCode: row.subjectCode, name: row.name })),
        });
      }
      return { ids: Object.fromEntries(ids) };
    });
  }
}
