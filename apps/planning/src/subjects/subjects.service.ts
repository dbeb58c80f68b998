import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DomainError, ErrorCode, type Ok, PlanningEvents, type PlanningRpc, type RpcRequest, type Subject } from '#contracts';
import { OutboxWriter } from '#platform';
import { SubjectEntity } from './subject.entity.js';
import { subjectOrDefault, toSubject } from './subject.mapper.js';

interface SubjectRow {
  school_id: string;
  code: string;
  name_ru: string;
  marked: boolean;
}

function fromRow(row: SubjectRow): Subject {
  return { schoolId: row.school_id, code: row.code, nameRu: row.name_ru, marked: row.marked };
}

@Injectable()
export class SubjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async upsert(request: RpcRequest<typeof PlanningRpc.upsertSubjects>): Promise<Ok> {
    const codes = request.subjects.map((subject) => subject.code);
    const repeated = codes.find((code, index) => codes.indexOf(code) !== index);
    if (repeated) throw new DomainError(ErrorCode.ValidationFailed, `Предмет ${repeated} указан дважды`, { code: repeated });
    return this.dataSource.transaction(async (manager) => {
      // Only inserted or actually changed rows come back: they are the ones other services must hear about.
      const changed = await manager.query<SubjectRow[]>(
        `INSERT INTO subject (school_id, code, name_ru, marked)
         SELECT $1, s.code, s.name_ru, s.marked
           FROM jsonb_to_recordset($2::jsonb) AS s(code text, name_ru text, marked boolean)
         ON CONFLICT (school_id, code) DO UPDATE SET name_ru = EXCLUDED.name_ru, marked = EXCLUDED.marked
           WHERE (subject.name_ru, subject.marked) IS DISTINCT FROM (EXCLUDED.name_ru, EXCLUDED.marked)
         RETURNING school_id, code, name_ru, marked`,
        [
          request.schoolId,
          JSON.stringify(request.subjects.map((subject) => ({ code: subject.code, name_ru: subject.nameRu, marked: subject.marked }))),
        ],
      );
      if (changed.length > 0) {
        const subjects = changed.map((row) => ({ schoolId: row.school_id, code: row.code, nameRu: row.name_ru, marked: row.marked }));
        await this.outbox.append(manager, PlanningEvents.subjectsSaved, { subjects });
      }
      return { ok: true as const };
    });
  }

  /**
   * In the caller's transaction: adds the subjects the school does not have yet (names and marking of the ones it has
   * stay the school's) and announces the added ones. Returns the school's subjects of those codes as they are now.
   */
  async addMissing(manager: EntityManager, schoolId: string, subjects: ReadonlyArray<Omit<Subject, 'schoolId'>>): Promise<Subject[]> {
    if (subjects.length === 0) return [];
    const added = await manager.query<SubjectRow[]>(
      `INSERT INTO subject (school_id, code, name_ru, marked)
       SELECT $1, s.code, s.name_ru, s.marked FROM jsonb_to_recordset($2::jsonb) AS s(code text, name_ru text, marked boolean)
       ON CONFLICT (school_id, code) DO NOTHING
       RETURNING school_id, code, name_ru, marked`,
      [schoolId, JSON.stringify(subjects.map((subject) => ({ code: subject.code, name_ru: subject.nameRu, marked: subject.marked })))],
    );
    if (added.length > 0) await this.outbox.append(manager, PlanningEvents.subjectsSaved, { subjects: added.map(fromRow) });
    const rows = await manager
      .getRepository(SubjectEntity)
      .find({ where: { schoolId, code: In(subjects.map((subject) => subject.code)) }, order: { code: 'ASC' } });
    return rows.map(toSubject);
  }

  async findIn(manager: EntityManager, schoolId: string, code: string): Promise<Subject | null> {
    const subject = await manager.getRepository(SubjectEntity).findOneBy({ schoolId, code });
    return subject ? toSubject(subject) : null;
  }

  /** In the caller's transaction: renames a subject of the school and announces it. */
  async rename(manager: EntityManager, schoolId: string, code: string, nameRu: string): Promise<Subject> {
    await manager.getRepository(SubjectEntity).update({ schoolId, code }, { nameRu });
    const subject = toSubject(await manager.getRepository(SubjectEntity).findOneByOrFail({ schoolId, code }));
    await this.outbox.append(manager, PlanningEvents.subjectsSaved, { subjects: [subject] });
    return subject;
  }

  async list(schoolId: string): Promise<{ subjects: Subject[] }> {
    const subjects = await this.dataSource.getRepository(SubjectEntity).find({ where: { schoolId }, order: { code: 'ASC' } });
    return { subjects: subjects.map(toSubject) };
  }

  /** The subject of a school; a code the school never loaded reads as a marked subject named by its code. */
  async find(schoolId: string, code: string): Promise<Subject> {
    const subject = await this.dataSource.getRepository(SubjectEntity).findOneBy({ schoolId, code });
    return subjectOrDefault(subject, schoolId, code);
  }
}
