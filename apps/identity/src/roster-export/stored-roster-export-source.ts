import type { EntityManager } from 'typeorm';
import { scopedQuery } from '../database/scoped-query.js';
import type { RosterSnapshot } from '../roster-import/roster-snapshot.js';
import { snapshotPeople, toSnapshotClass } from '../roster-import/stored-roster-snapshot.js';
import type { RosterExportRequest } from './roster-export-request.js';
import type { RosterExportSource } from './roster-export-source.js';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * What an export lists, from identity's tables: the school's live classes of the year (or the one class), the
 * students enrolled in them on the date with those enrollments, their guardianships and guardians. Personal data the
 * request does not allow is left out: birth dates, SNILS and documents without `personalData`, the parents' phones
 * without `parentContacts`.
 */
export class StoredRosterExportSource implements RosterExportSource {
  constructor(private readonly manager: Queryable) {}

  async load(request: RosterExportRequest): Promise<RosterSnapshot> {
    const classes = await scopedQuery<{ id: string; school_id: string; academic_year: string; grade: number; letter: string }>(
      this.manager,
      `SELECT id, school_id, academic_year, grade, letter FROM school_class
        WHERE school_id = $1 AND academic_year = $2 AND ($3::uuid IS NULL OR id = $3::uuid) AND archived_at IS NULL
        ORDER BY grade, letter, id`,
      [request.schoolId, request.academicYear, request.classId ?? null],
    );
    const enrollments = await scopedQuery<{ student_id: string; class_id: string; date_from: string; date_to: string | null }>(
      this.manager,
      `SELECT student_id, class_id, date_from, date_to FROM enrollment
        WHERE class_id = ANY($1::uuid[]) AND date_from <= $2 AND (date_to IS NULL OR date_to >= $2)
        ORDER BY class_id, student_id`,
      [classes.map((row) => row.id), request.date],
    );
    const studentIds = [...new Set(enrollments.map((row) => row.student_id))];
    const guardianships = await scopedQuery<{ parent_id: string; student_id: string }>(
      this.manager,
      'SELECT parent_id, student_id FROM guardianship WHERE student_id = ANY($1::uuid[]) ORDER BY student_id, parent_id',
      [studentIds],
    );
    const parentIds = new Set(guardianships.map((row) => row.parent_id));
    const people = (await snapshotPeople(this.manager, [...new Set([...studentIds, ...parentIds])])).map((person) => {
      const student = !parentIds.has(person.id);
      return {
        ...person,
        birthDate: request.personalData ? person.birthDate : null,
        snils: request.personalData ? person.snils : null,
        document: request.personalData ? person.document : null,
        phones: request.parentContacts && !student ? person.phones : [],
      };
    });
    return {
      classes: classes.map(toSnapshotClass),
      people,
      enrollments: enrollments.map((row) => ({ studentId: row.student_id, classId: row.class_id, from: row.date_from, to: row.date_to })),
      guardianships: guardianships.map((row) => ({ parentId: row.parent_id, studentId: row.student_id })),
    };
  }
}
