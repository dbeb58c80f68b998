import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, IdentityEvents, type IdentityRpc, type RpcRequest, type SchoolClass } from '#contracts';
import { OutboxWriter, requireSystemActor } from '#platform';
import { AccessFactsService } from '../access/access-facts.service.js';
import { assertCallerMay } from '../access/caller-may.js';
import { assertIdsExist, assertUniqueKeys } from '../loading/batch-checks.js';
import { bulkUpsert } from '../loading/bulk-upsert.js';
import { resolveExternalKeys } from '../loading/resolve-external-keys.js';
import { className } from './class-name.js';
import { SchoolClassEntity } from './school-class.entity.js';

function toSchoolClass(entity: SchoolClassEntity): SchoolClass {
  return {
    id: entity.id,
    schoolId: entity.schoolId,
    academicYear: entity.academicYear,
    grade: entity.grade,
    letter: entity.letter,
    name: className(entity.grade, entity.letter),
    classTeacherId: entity.classTeacherId,
  };
}

const classNotFound = () => new DomainError(ErrorCode.NotFound, 'Класс не найден');

@Injectable()
export class ClassesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly facts: AccessFactsService,
  ) {}

  async upsert(request: RpcRequest<typeof IdentityRpc.upsertClasses>): Promise<{ ids: Record<string, string> }> {
    requireSystemActor();
    assertUniqueKeys(request.classes.map((schoolClass) => schoolClass.externalKey));
    return this.dataSource.transaction(async (manager) => {
      await assertIdsExist(manager, 'school', [request.schoolId], 'Школа не найдена');
      await assertIdsExist(
        manager,
        'person',
        request.classes.flatMap((schoolClass) => (schoolClass.classTeacherId ? [schoolClass.classTeacherId] : [])),
        'Классный руководитель не найден',
      );
      const ids = await resolveExternalKeys(
        manager,
        'school_class',
        request.classes.map((schoolClass) => schoolClass.externalKey),
      );
      const rows = request.classes.map((schoolClass) => ({
        id: ids.get(schoolClass.externalKey)!,
        schoolId: request.schoolId,
        ...schoolClass,
      }));
      const changed = await bulkUpsert<SchoolClassEntity, { id: string }>(manager, SchoolClassEntity, rows, {
        conflict: ['external_key'],
        overwrite: ['school_id', 'academic_year', 'grade', 'letter', 'class_teacher_id'],
        returning: ['id'],
      });
      const changedIds = new Set(changed.map((row) => row.id));
      if (changedIds.size > 0) {
        await this.outbox.append(manager, IdentityEvents.classesSaved, {
          classes: rows
            .filter((row) => changedIds.has(row.id))
            .map((row) => ({
              classId: row.id,
              schoolId: row.schoolId,
              academicYear: row.academicYear,
              grade: row.grade,
              letter: row.letter,
              classTeacherId: row.classTeacherId,
            })),
        });
      }
      return { ids: Object.fromEntries(ids) };
    });
  }

  async get(classId: string): Promise<SchoolClass> {
    const entity = await this.dataSource.getRepository(SchoolClassEntity).findOneBy({ id: classId });
    if (!entity) throw classNotFound();
    return toSchoolClass(entity);
  }

  async ledBy(teacherId: string, academicYear: string | undefined): Promise<{ classes: SchoolClass[] }> {
    const entities = await this.dataSource.getRepository(SchoolClassEntity).find({
      where: { classTeacherId: teacherId, ...(academicYear ? { academicYear } : {}) },
      order: { academicYear: 'ASC', grade: 'ASC', letter: 'ASC' },
    });
    return { classes: entities.map(toSchoolClass) };
  }

  /** The class for those the policy lets read its summary (its class teacher, its school's management) and the system. */
  async access(classId: string): Promise<SchoolClass> {
    assertCallerMay('classes.summary.read', await this.facts.ofCaller({ type: 'class', id: classId }), classNotFound);
    return this.get(classId);
  }
}
