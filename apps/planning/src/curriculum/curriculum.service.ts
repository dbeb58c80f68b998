import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AnnualHours,
  type Curriculum,
  type CurriculumInitialized,
  type CurriculumLine,
  type CurriculumLog,
  type CurriculumRpc,
  DomainError,
  ErrorCode,
  personIdOf,
  PlanningEvents,
  type RpcRequest,
} from '#contracts';
import { defaultStudyWeeks, type FederalLine, federalLinesForGrade } from '#domain';
import { appendHistory, Clock, currentActor, type HistoryChange, OutboxWriter } from '#platform';
import { assertCallerMay } from '../access/assert-caller-may.js';
import { SubjectsService } from '../subjects/subjects.service.js';
import { AcademicYearEntity } from '../years/academic-year.entity.js';
import { CurriculumHistoryEntity } from './curriculum-history.entity.js';
import { CurriculumLineEntity } from './curriculum-line.entity.js';
import { toCurriculumChange, toCurriculumLine, valuesOf } from './curriculum.mapper.js';
import { federalCurriculum } from './federal-curriculum.source.js';

type SetLineCommand = RpcRequest<typeof CurriculumRpc.setLine>;

interface LineChange extends HistoryChange {
  yearId: string;
  grade: number;
  subjectCode: string;
}

const ALL_GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const FROM_FEDERAL_PLAN = 'Федеральный учебный план (ФОП 2023) с изменениями, действующими в этом учебном году';

const yearNotFound = () => new DomainError(ErrorCode.NotFound, 'Учебный год не найден');
const lineNotFound = () => new DomainError(ErrorCode.NotFound, 'Предмета нет в учебном плане этой параллели');

/**
 * A school's curriculum (учебный план) per year and grade: weekly hours and weeks of each subject, whether classes
 * are split into groups for it (R-CAL-3) and whether it is marked (R-MARK-1). It starts from the federal plan in
 * force for the year and is then kept by the deputy director or the director; every change is logged (R-MARK-7).
 */
@Injectable()
export class CurriculumService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subjects: SubjectsService,
    private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Adds the federal lines the year lacks (and the subjects the school lacks); edits the school made stay. */
  async initialize(request: RpcRequest<typeof CurriculumRpc.initialize>): Promise<CurriculumInitialized> {
    const year = await this.yearOfSchool(request.schoolId, request.yearId);
    assertCallerMay('curriculum.write', request.schoolId, yearNotFound);
    const grades = [...new Set(request.grades ?? ALL_GRADES)].sort((a, b) => a - b);
    const federal = grades.flatMap((grade) =>
      federalLinesForGrade(federalCurriculum(), year.label, year.start, grade).map((line) => ({ grade, line })),
    );
    const added = await this.dataSource.transaction(async (manager) => {
      await this.lockYear(manager, year.id);
      const subjects = await this.subjects.addMissing(
        manager,
        year.schoolId,
        uniqueByCode(federal.map(({ line }) => ({ code: line.code, nameRu: line.nameRu, marked: line.marked }))),
      );
      const inserted = await manager.query<CurriculumLineEntity[]>(
        `INSERT INTO curriculum_line (year_id, school_id, grade, subject_code, hours_per_week, study_weeks, split, marked, source)
         SELECT $1, $2, l.grade, l.subject_code, l.hours_per_week, l.study_weeks, l.split, l.marked, 'federal'
           FROM jsonb_to_recordset($3::jsonb)
             AS l(grade smallint, subject_code text, hours_per_week numeric, study_weeks smallint, split boolean, marked boolean)
         ON CONFLICT (year_id, grade, subject_code) DO NOTHING
         RETURNING year_id AS "yearId", school_id AS "schoolId", grade, subject_code AS "subjectCode",
                   hours_per_week::text AS "hoursPerWeek", study_weeks AS "studyWeeks", split, marked, source`,
        [year.id, year.schoolId, JSON.stringify(federal.map(({ grade, line }) => federalRow(grade, line)))],
      );
      const names = new Map(subjects.map((subject) => [subject.code, subject.nameRu]));
      const lines = inserted.map((row) => toCurriculumLine(row, names.get(row.subjectCode) ?? row.subjectCode)).sort(byGradeAndCode);
      await this.record(manager, lines.map((line) => ({ line, old: null, reason: FROM_FEDERAL_PLAN })));
      return lines.length;
    });
    return { ...(await this.linesOf(year.schoolId, year.id)), added };
  }

  async get(request: RpcRequest<typeof CurriculumRpc.get>): Promise<Curriculum> {
    const year = await this.yearOfSchool(request.schoolId, request.yearId);
    assertCallerMay('curriculum.read', request.schoolId, yearNotFound);
    return this.linesOf(year.schoolId, year.id, request.grade);
  }

  /**
   * Adds a subject to a grade (a subject new to the school needs its name) or changes its line: hours, weeks, groups,
   * marking; a new name renames the school's subject. The same values again change nothing and log nothing.
   */
  async setLine(command: SetLineCommand): Promise<CurriculumLine> {
    const year = await this.yearOfSchool(command.schoolId, command.yearId);
    assertCallerMay('curriculum.write', command.schoolId, yearNotFound);
    return this.dataSource.transaction(async (manager) => {
      await this.lockYear(manager, year.id);
      let subject = await this.subjectOf(manager, year.schoolId, command);
      const formerName = subject.nameRu;
      const renamed = command.nameRu !== undefined && command.nameRu !== formerName;
      if (renamed) subject = await this.subjects.rename(manager, year.schoolId, subject.code, command.nameRu!);
      const key = { yearId: year.id, grade: command.grade, subjectCode: command.subjectCode };
      const existing = await manager.getRepository(CurriculumLineEntity).findOneBy(key);
      const old = existing ? toCurriculumLine(existing, formerName) : null;
      if (!old && command.hoursPerWeek === undefined) {
        throw new DomainError(ErrorCode.ValidationFailed, 'Для нового предмета параллели укажите часы в неделю', { field: 'hoursPerWeek' });
      }
      const entity: CurriculumLineEntity = {
        ...key,
        schoolId: year.schoolId,
        hoursPerWeek: String(command.hoursPerWeek ?? old!.hoursPerWeek),
        studyWeeks: command.studyWeeks ?? old?.studyWeeks ?? defaultStudyWeeks(command.grade),
        split: command.split ?? old?.split ?? false,
        marked: command.marked ?? old?.marked ?? subject.marked,
        source: existing?.source ?? 'school',
      };
      const line = toCurriculumLine(entity, subject.nameRu);
      if (old && !renamed && sameValues(old, line)) return line;
      await manager.getRepository(CurriculumLineEntity).save(entity);
      await this.record(manager, [{ line, old, reason: command.reason ?? null }]);
      return line;
    });
  }

  async log(request: RpcRequest<typeof CurriculumRpc.log>): Promise<CurriculumLog> {
    const year = await this.yearOfSchool(request.schoolId, request.yearId);
    assertCallerMay('curriculum.log.read', request.schoolId, yearNotFound);
    const changes = await this.dataSource.getRepository(CurriculumHistoryEntity).find({ where: { yearId: year.id }, order: { id: 'DESC' } });
    return { changes: changes.map(toCurriculumChange) };
  }

  /** The hours of a subject in a grade over the year: weekly hours × weeks of study (for plans and assessment checks). */
  async annualHours(
    yearId: string,
    grade: number,
    subjectCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AnnualHours> {
    const line = await manager.getRepository(CurriculumLineEntity).findOneBy({ yearId, grade, subjectCode });
    if (!line) throw lineNotFound();
    const { hoursPerWeek, studyWeeks, annualHours } = toCurriculumLine(line, subjectCode);
    return { yearId, grade, subjectCode, hoursPerWeek, studyWeeks, annualHours };
  }

  /** Whether the plan marks a subject in a grade (R-MARK-1); null when the plan has no line for it. */
  async markedIn(yearId: string, grade: number, subjectCode: string): Promise<boolean | null> {
    const line = await this.dataSource
      .getRepository(CurriculumLineEntity)
      .findOne({ select: { marked: true }, where: { yearId, grade, subjectCode } });
    return line ? line.marked : null;
  }

  private async yearOfSchool(schoolId: string, yearId: string): Promise<AcademicYearEntity> {
    const year = await this.dataSource.getRepository(AcademicYearEntity).findOneBy({ id: yearId });
    if (!year || year.schoolId !== schoolId) throw yearNotFound();
    return year;
  }

  /** One change of a year's plan at a time: two initialisations never log the same line twice. */
  private async lockYear(manager: EntityManager, yearId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`planning.curriculum:${yearId}`]);
  }

  /** The school's subject of the line; a subject the school does not have yet is added with the name given. */
  private async subjectOf(manager: EntityManager, schoolId: string, command: SetLineCommand) {
    const found = await this.subjects.findIn(manager, schoolId, command.subjectCode);
    if (found) return found;
    if (command.nameRu === undefined) {
      throw new DomainError(ErrorCode.ValidationFailed, `Предмета ${command.subjectCode} в школе ещё нет: укажите его название`, {
        field: 'nameRu',
      });
    }
    const [added] = await this.subjects.addMissing(manager, schoolId, [
      { code: command.subjectCode, nameRu: command.nameRu, marked: command.marked ?? true },
    ]);
    return added!;
  }

  private async linesOf(schoolId: string, yearId: string, grade?: number): Promise<Curriculum> {
    const rows = await this.dataSource.query<Array<CurriculumLineEntity & { nameRu: string }>>(
      `SELECT l.year_id AS "yearId", l.school_id AS "schoolId", l.grade, l.subject_code AS "subjectCode",
              l.hours_per_week::text AS "hoursPerWeek", l.study_weeks AS "studyWeeks", l.split, l.marked, l.source,
              coalesce(s.name_ru, l.subject_code) AS "nameRu"
         FROM curriculum_line l LEFT JOIN subject s ON s.school_id = l.school_id AND s.code = l.subject_code
        WHERE l.year_id = $1 AND ($2::smallint IS NULL OR l.grade = $2)
        ORDER BY l.grade, l.subject_code`,
      [yearId, grade ?? null],
    );
    return { schoolId, yearId, lines: rows.map((row) => toCurriculumLine(row, row.nameRu)) };
  }

  /** Logs lines added or changed and announces them as they are now, in the caller's transaction. */
  private async record(manager: EntityManager, changes: Array<{ line: CurriculumLine; old: CurriculumLine | null; reason: string | null }>) {
    if (changes.length === 0) return;
    const actorId = personIdOf(currentActor());
    const at = this.clock.now();
    await appendHistory<LineChange>(
      manager,
      'curriculum_history',
      [
        { name: 'year_id', type: 'uuid', value: (change) => change.yearId },
        { name: 'grade', type: 'smallint', value: (change) => change.grade },
        { name: 'subject_code', type: 'text', value: (change) => change.subjectCode },
      ],
      changes.map(({ line, old, reason }) => ({
        yearId: line.yearId,
        grade: line.grade,
        subjectCode: line.subjectCode,
        action: old ? 'updated' : 'created',
        oldValue: old ? valuesOf(old) : null,
        newValue: valuesOf(line),
        actorId,
        at,
        reason,
      })),
    );
    const { schoolId, yearId } = changes[0]!.line;
    await this.outbox.append(manager, PlanningEvents.curriculumSaved, { schoolId, yearId, lines: changes.map(({ line }) => line) });
  }
}

function federalRow(grade: number, line: FederalLine) {
  return {
    grade,
    subject_code: line.code,
    hours_per_week: line.hoursPerWeek,
    study_weeks: line.studyWeeks,
    split: line.split,
    marked: line.marked,
  };
}

function uniqueByCode<T extends { code: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.code, item])).values()];
}

function byGradeAndCode(a: CurriculumLine, b: CurriculumLine): number {
  return a.grade - b.grade || a.subjectCode.localeCompare(b.subjectCode, 'en');
}

function sameValues(a: CurriculumLine, b: CurriculumLine): boolean {
  return a.hoursPerWeek === b.hoursPerWeek && a.studyWeeks === b.studyWeeks && a.split === b.split && a.marked === b.marked;
}
