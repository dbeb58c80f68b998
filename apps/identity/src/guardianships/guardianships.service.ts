import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, IdentityEvents, type IdentityRpc, type Ok, type RpcRequest } from '#contracts';
import { OutboxWriter, requireSystemActor } from '#platform';
import { assertIdsExist } from '../loading/batch-checks.js';
import { bulkUpsert } from '../loading/bulk-upsert.js';
import { GuardianshipEntity } from './guardianship.entity.js';

@Injectable()
export class GuardianshipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Records parents of students; a pair already known changes nothing. */
  async upsert(request: RpcRequest<typeof IdentityRpc.upsertGuardianships>): Promise<Ok> {
    requireSystemActor();
    const pairs = [
      ...new Map(request.guardianships.map((pair) => [`${pair.parentId}|${pair.studentId}`, pair])).values(),
    ];
    const selfGuardian = pairs.find((pair) => pair.parentId === pair.studentId);
    if (selfGuardian) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Человек не может быть родителем самого себя', {
        personId: selfGuardian.parentId,
      });
    }
    return this.dataSource.transaction(async (manager) => {
      await assertIdsExist(
        manager,
        'person',
        pairs.flatMap((pair) => [pair.parentId, pair.studentId]),
        'Человек не найден',
      );
      const added = await bulkUpsert<GuardianshipEntity, { parent_id: string; student_id: string }>(
        manager,
        GuardianshipEntity,
        pairs,
        { conflict: ['parent_id', 'student_id'], overwrite: [], returning: ['parent_id', 'student_id'] },
      );
      if (added.length > 0) {
        await this.outbox.append(manager, IdentityEvents.guardianshipsSaved, {
          guardianships: added.map((row) => ({ parentId: row.parent_id, studentId: row.student_id })),
        });
      }
      return { ok: true };
    });
  }
}
