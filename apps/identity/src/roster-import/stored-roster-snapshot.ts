import type { EntityManager } from 'typeorm';
import type { IdentityDocument } from '#contracts';
import { scopedQuery } from '../database/scoped-query.js';
import { documentText } from './identity-document.js';
import { nameKey } from './person-name-rules.js';
import type { RosterSnapshot, RosterSnapshotSource, SnapshotClass, SnapshotQuery } from './roster-snapshot.js';

type Queryable = Pick<EntityManager, 'query'>;

const UPPER = 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЁё';
const LOWER = 'абвгдежзийклмнопрстуфхцчшщъыьэюяее';

/**
 * A part of nameKey (person-name-rules.ts) in SQL: lower case, ё as е, single spaces, none around hyphens. Cyrillic is
 * folded by `translate`, so the match does not depend on the database's locale.
 */
const nameKeySql = (column: string) =>
  `btrim(regexp_replace(regexp_replace(lower(translate(${column}, '${UPPER}', '${LOWER}')), '\\s+', ' ', 'g'), '\\s*-\\s*', '-', 'g'))`;

/** Documents are found by their digits: equal documentKeys have equal digits, so this finds all (and may find more). */
const digitsOf = (text: string) => text.replace(/\D/g, '');

interface PersonRow {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  birth_date: string | null;
  document: IdentityDocument | null;
  snils: string | null;
  phones: string[] | null;
}

interface ClassRow {
  id: string;
  school_id: string;
  academic_year: string;
  grade: number;
  letter: string;
}

export const toSnapshotClass = (row: ClassRow): SnapshotClass => ({
  id: row.id,
  schoolId: row.school_id,
  academicYear: row.academic_year,
  grade: row.grade,
  letter: row.letter,
});

/** The people as the import compares them: name and the personal data that tells namesakes apart. */
export async function snapshotPeople(manager: Queryable, ids: readonly string[]): Promise<RosterSnapshot['people']> {
  const rows = await scopedQuery<PersonRow>(
    manager,
    `SELECT p.id, p.last_name, p.first_name, p.middle_name, d.birth_date, d.document, d.snils, d.phones
       FROM person p LEFT JOIN personal_data d ON d.person_id = p.id
      WHERE p.id = ANY($1::uuid[])
      ORDER BY p.id`,
    [[...ids]],
  );
  return rows.map((row) => ({
    id: row.id,
    lastName: row.last_name,
    firstName: row.first_name,
    middleName: row.middle_name,
    birthDate: row.birth_date,
    document: row.document === null ? null : documentText(row.document),
    snils: row.snils,
    phones: row.phones ?? [],
  }));
}

/**
 * The roster snapshot of a file, read from identity's tables (in the caller's transaction when it applies), as
 * RosterSnapshot's contract says: the people the file names (by name, SNILS or document), the students of the
 * school's classes of the year, the guardians of all of them; their enrollments and guardianships; the school's
 * classes of the year and every class those enrollments are in. Names are matched by surname and first name only,
 * documents by their digits: the snapshot may hold more people than asked, never fewer.
 */
export class StoredRosterSnapshot implements RosterSnapshotSource {
  constructor(private readonly manager: Queryable) {}

  async load(query: SnapshotQuery): Promise<RosterSnapshot> {
    const keys = query.names.map((name) => nameKey(name).split('|'));
    const found = await scopedQuery<{ id: string }>(
      this.manager,
      `WITH named AS (
         SELECT p.id FROM person p
           JOIN unnest($3::text[], $4::text[]) AS k (last_key, first_key)
             ON ${nameKeySql('p.last_name')} = k.last_key AND ${nameKeySql('p.first_name')} = k.first_key
       ), identified AS (
         SELECT d.person_id AS id FROM personal_data d
          WHERE d.snils = ANY($5::text[])
             OR (d.document IS NOT NULL AND regexp_replace(d.document ->> 'number', '\\D', '', 'g') = ANY($6::text[]))
       ), enrolled AS (
         SELECT e.student_id AS id FROM enrollment e JOIN school_class c ON c.id = e.class_id
          WHERE c.school_id = $1::uuid AND c.academic_year = $2
       ), found AS (
         SELECT id FROM named UNION SELECT id FROM identified UNION SELECT id FROM enrolled
       )
       SELECT id FROM found
       UNION SELECT g.parent_id FROM guardianship g JOIN found f ON f.id = g.student_id`,
      [
        query.schoolId,
        query.academicYear,
        keys.map((key) => key[0]!),
        keys.map((key) => key[1]!),
        [...query.snils],
        query.documentKeys.map(digitsOf),
      ],
    );
    const ids = found.map((row) => row.id);
    // One query after another: in a transaction they share one connection.
    const people = await snapshotPeople(this.manager, ids);
    const enrollments = await scopedQuery<{ student_id: string; class_id: string; date_from: string; date_to: string | null }>(
      this.manager,
      'SELECT student_id, class_id, date_from, date_to FROM enrollment WHERE student_id = ANY($1::uuid[]) ORDER BY student_id, date_from',
      [ids],
    );
    const guardianships = await scopedQuery<{ parent_id: string; student_id: string }>(
      this.manager,
      'SELECT parent_id, student_id FROM guardianship WHERE student_id = ANY($1::uuid[]) ORDER BY student_id, parent_id',
      [ids],
    );
    // An archived class may share its name with a new one: the index keeps the last, so the live one comes last.
    const classes = await scopedQuery<ClassRow>(
      this.manager,
      `SELECT c.id, c.school_id, c.academic_year, c.grade, c.letter FROM school_class c
        WHERE (c.school_id = $1::uuid AND c.academic_year = $2)
           OR c.id IN (SELECT e.class_id FROM enrollment e WHERE e.student_id = ANY($3::uuid[]))
        ORDER BY c.archived_at IS NULL, c.id`,
      [query.schoolId, query.academicYear, ids],
    );
    return {
      classes: classes.map(toSnapshotClass),
      people,
      enrollments: enrollments.map((row) => ({ studentId: row.student_id, classId: row.class_id, from: row.date_from, to: row.date_to })),
      guardianships: guardianships.map((row) => ({ parentId: row.parent_id, studentId: row.student_id })),
    };
  }
}
