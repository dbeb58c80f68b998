import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AccessFacts, DomainError, ErrorCode, personIdOf } from '#contracts';
import { schoolDateAt } from '#domain';
import { Clock, currentActor } from '#platform';
import { type ActionName, decide } from '#policy';
import { AccessCheck, notFound } from '../access/access-check.js';
import { scopedQuery } from '../database/scoped-query.js';
import { academicYearOf } from './roster-import-context.js';

/** Where, when and how far the caller may import or export a roster. */
export interface RosterFilesScope {
  schoolId: string;
  facts: AccessFacts;
  /** Today in the school's own zone (R-CAL-2). */
  today: string;
  academicYear: string;
  /** Undefined: every class of the school; otherwise the caller's own classes of the year (a class teacher). */
  ownClassIds?: string[];
}

/**
 * Decides a roster import or export with the one policy table: the school's management and system administrator for
 * the whole school, a class teacher for their own classes of the year only (none of them: FORBIDDEN).
 */
@Injectable()
export class RosterFilesAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly access: AccessCheck,
  ) {}

  async scope(action: 'schools.roster-import' | 'schools.roster-export', schoolId: string, academicYear?: string): Promise<RosterFilesScope> {
    const facts = await this.access.assertMay(action, { type: 'school', id: schoolId });
    const [school] = await scopedQuery<{ time_zone: string }>(this.dataSource, 'SELECT time_zone FROM school WHERE id = $1', [schoolId]);
    if (!school) throw notFound('school');
    const today = schoolDateAt(this.clock.now(), school.time_zone);
    const year = academicYear ?? academicYearOf(today);
    const scope: RosterFilesScope = { schoolId, facts, today, academicYear: year };
    if (this.allows('schools.roster-files.all-classes', facts)) return scope;
    const own = await scopedQuery<{ id: string }>(
      this.dataSource,
      `SELECT id FROM school_class
        WHERE school_id = $1 AND academic_year = $2 AND class_teacher_id = $3 AND archived_at IS NULL
        ORDER BY grade, letter, id`,
      [schoolId, year, personIdOf(currentActor())],
    );
    if (own.length === 0) {
      throw new DomainError(ErrorCode.Forbidden, `Вы не классный руководитель ни одного класса школы в ${year} учебном году`);
    }
    return { ...scope, ownClassIds: own.map((row) => row.id) };
  }

  /** A further decision about the same school (personal data in the file, parents' phones). */
  allows(action: ActionName, facts: AccessFacts): boolean {
    return decide(action, currentActor(), facts).allowed;
  }
}
