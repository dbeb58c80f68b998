import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode, type PersonalDataField, type RosterFileContent, type RosterImportRpc, type RpcRequest } from '#contracts';
import { Clock } from '#platform';
import type { LogAuthor } from '../access-log/access-log.js';
import { logAuthor } from '../access-log/log-author.js';
import { notFound } from '../access/access-check.js';
import { scopedQuery } from '../database/scoped-query.js';
import { rosterFileContentOf } from '../roster-import/roster-file-content.js';
import { RosterFilesAccess, type RosterFilesScope } from '../roster-import/roster-files-access.js';
import { academicYearBounds } from '../roster-import/roster-import-context.js';
import type { RosterSnapshot } from '../roster-import/roster-snapshot.js';
import { exportRoster } from './export-roster.js';
import type { RosterExportRequest } from './roster-export-request.js';
import { StoredRosterExportSource } from './stored-roster-export-source.js';

/** The personal data an exported file shows of each person: the students' own data, the parents' phones. */
function shownPersonalData(snapshot: RosterSnapshot): Array<{ personId: string; fields: PersonalDataField[] }> {
  const students = new Set(snapshot.enrollments.map((enrollment) => enrollment.studentId));
  return snapshot.people.flatMap((person) => {
    const fields: PersonalDataField[] = [];
    if (students.has(person.id)) {
      if (person.birthDate !== null) fields.push('birthDate');
      if (person.document !== null) fields.push('document');
      if (person.snils !== null) fields.push('snils');
    } else if (person.phones.length > 0) {
      fields.push('phones');
    }
    return fields.length > 0 ? [{ personId: person.id, fields }] : [];
  });
}

/**
 * The roster as a file in the import's own format (R-DATA-2): the school's classes of the year, or one class, on a
 * date. Birth dates, SNILS and documents only for staff on the school's personal-data list, the parents' phones for
 * them and for the class teacher of the class; every personal data value the file shows is logged as read (R-ACC-2).
 */
@Injectable()
export class RosterExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly files: RosterFilesAccess,
  ) {}

  async export({ schoolId, academicYear, classId, date, format }: RpcRequest<typeof RosterImportRpc.export>): Promise<RosterFileContent> {
    const scope = await this.files.scope('schools.roster-export', schoolId, academicYear);
    const exported = await this.classToExport(scope, classId);
    const { first, last } = academicYearBounds(scope.academicYear);
    const request: RosterExportRequest = {
      schoolId,
      academicYear: scope.academicYear,
      date: date ?? (scope.today < first ? first : scope.today > last ? last : scope.today),
      ...(exported === undefined ? {} : { classId: exported }),
      personalData: this.files.allows('schools.roster-export.personal-data', scope.facts),
      parentContacts: this.files.allows('schools.roster-export.parent-contacts', scope.facts),
    };
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      const snapshot = await new StoredRosterExportSource(manager).load(request);
      const file = rosterFileContentOf(await exportRoster(snapshot, request, format));
      await this.logReads(manager, author, schoolId, shownPersonalData(snapshot));
      return file;
    });
  }

  /** The one class asked for (of the school and year; a class teacher's own only), or a class teacher's one class. */
  private async classToExport(scope: RosterFilesScope, classId: string | undefined): Promise<string | undefined> {
    if (classId !== undefined) {
      const [found] = await scopedQuery<{ id: string }>(
        this.dataSource,
        'SELECT id FROM school_class WHERE id = $1 AND school_id = $2 AND academic_year = $3',
        [classId, scope.schoolId, scope.academicYear],
      );
      // Another class is not visible to a class teacher: the same answer as a class that does not exist.
      if (!found || (scope.ownClassIds && !scope.ownClassIds.includes(classId))) throw notFound('class');
      return classId;
    }
    if (!scope.ownClassIds) return undefined;
    if (scope.ownClassIds.length > 1) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Укажите класс (classId): вы классный руководитель нескольких классов');
    }
    return scope.ownClassIds[0];
  }

  private async logReads(
    manager: EntityManager,
    { actorId, at }: LogAuthor,
    schoolId: string,
    reads: ReadonlyArray<{ personId: string; fields: PersonalDataField[] }>,
  ): Promise<void> {
    if (reads.length === 0) return;
    await scopedQuery(
      manager,
      `INSERT INTO personal_data_log (at, action, reader_id, person_id, school_ids, fields)
       SELECT $1, 'read', $2, r.person_id, ARRAY[$3::uuid], string_to_array(r.fields, ',')
         FROM unnest($4::uuid[], $5::text[]) AS r (person_id, fields)`,
      [at, actorId, schoolId, reads.map((read) => read.personId), reads.map((read) => read.fields.join(','))],
    );
  }
}
