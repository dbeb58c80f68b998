import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Bell, DomainError, ErrorCode, type Ok } from '#contracts';
import { BellEntity } from './bell.entity.js';
import { defaultBells } from './default-bells.js';

function assertBells(bells: Bell[]): void {
  const ordered = [...bells].sort((a, b) => a.lessonNumber - b.lessonNumber);
  ordered.forEach((bell, index) => {
    if (bell.start >= bell.end) {
      throw new DomainError(ErrorCode.ValidationFailed, `Урок ${bell.lessonNumber}: начало не раньше окончания`, { bell });
    }
    const previous = ordered[index - 1];
    if (previous?.lessonNumber === bell.lessonNumber) {
      throw new DomainError(ErrorCode.ValidationFailed, `Звонок на урок ${bell.lessonNumber} указан дважды`, { bell });
    }
    if (previous && previous.end > bell.start) {
      throw new DomainError(ErrorCode.ValidationFailed, `Урок ${bell.lessonNumber} начинается раньше конца урока ${previous.lessonNumber}`, {
        bell,
      });
    }
  });
}

@Injectable()
export class BellsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async set(schoolId: string, bells: Bell[]): Promise<Ok> {
    assertBells(bells);
    await this.dataSource.transaction(async (manager) => {
      // Two editors at once would both delete and both insert: one at a time per school.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`planning.bells:${schoolId}`]);
      const repository = manager.getRepository(BellEntity);
      await repository.delete({ schoolId });
      await repository.insert(bells.map((bell) => ({ schoolId, ...bell })));
    });
    return { ok: true };
  }

  /** The school's bells, or the default bells when it set none. */
  async of(schoolId: string, manager: EntityManager = this.dataSource.manager): Promise<Bell[]> {
    const bells = await manager.getRepository(BellEntity).find({ where: { schoolId }, order: { lessonNumber: 'ASC' } });
    if (bells.length === 0) return defaultBells();
    return bells.map(({ lessonNumber, start, end }) => ({ lessonNumber, start, end }));
  }
}
