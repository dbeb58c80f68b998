import type { EntityManager } from 'typeorm';
import { type ClassRoster, type DatedMember, DomainError, type Enrollment, ErrorCode, type RosterClass, type RosterGroup } from '#contracts';
import { schoolDateAt } from '#domain';
import type { Clock } from '#platform';
import { notFound } from '../access/access-check.js';
import { className } from '../classes/class-name.js';
import { scopedQuery } from '../database/scoped-query.js';
import { byName } from '../people/by-name.js';

type Queryable = Pick<EntityManager, 'query'>;

export interface ClassRow {
  id: string;
  school_id: string;
  academic_year: string;
  grade: number;
  letter: string;
  class_teacher_id: string | null;
  archived_at: Date | null;
  time_zone: string;
}

export interface GroupRow {
  id: string;
  class_id: string;
  subject_code: string;
  name: string;
  archived_at: Date | null;
}

export interface EnrollmentRow {
  id: string;
  student_id: string;
  class_id: string;
  date_from: string;
  date_to: string | null;
}

export const groupNotFound = () => new DomainError(ErrorCode.NotFound, 'Группа не найдена');

const CLASS_COLUMNS = `c.id, c.school_id, c.academic_year, c.grade, c.letter, c.class_teacher_id, c.archived_at, s.time_zone`;

export function toRosterClass(row: ClassRow): RosterClass {
  return {
    id: row.id,
    schoolId: row.school_id,
    academicYear: row.academic_year,
    grade: row.grade,
    letter: row.letter,
    name: className(row.grade, row.letter),
    classTeacherId: row.class_teacher_id,
    archived: row.archived_at !== null,
  };
}

export function toRosterGroup(row: GroupRow): RosterGroup {
  return { id: row.id, classId: row.class_id, subjectCode: row.subject_code, name: row.name, archived: row.archived_at !== null };
}

export function toEnrollment(row: EnrollmentRow): Enrollment {
  return { id: row.id, studentId: row.student_id, classId: row.class_id, from: row.date_from, to: row.date_to };
}

/** The class with its school's time zone; `lock` holds its row for the transaction. NOT_FOUND when there is none. */
export async function classRow(manager: Queryable, classId: string, lock = false): Promise<ClassRow> {
  const [row] = await scopedQuery<ClassRow>(
    manager,
    `SELECT ${CLASS_COLUMNS} FROM school_class c JOIN school s ON s.id = c.school_id WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
    [classId],
  );
  if (!row) throw notFound('class');
  return row;
}

export async function classesOfSchool(
  manager: Queryable,
  schoolId: string,
  academicYear: string | null,
  includeArchived: boolean,
): Promise<RosterClass[]> {
  const rows = await scopedQuery<ClassRow>(
    manager,
    `SELECT ${CLASS_COLUMNS} FROM school_class c JOIN school s ON s.id = c.school_id
      WHERE c.school_id = $1 AND ($2::text IS NULL OR c.academic_year = $2) AND ($3 OR c.archived_at IS NULL)
      ORDER BY c.academic_year, c.grade, c.letter`,
    [schoolId, academicYear, includeArchived],
  );
  return rows.map(toRosterClass);
}

/** "Today" of the class's school, in its own zone (R-CAL-2). */
export function todayOf(row: ClassRow, clock: Clock): string {
  return schoolDateAt(clock.now(), row.time_zone);
}

/** The group of the class (NOT_FOUND for a group of another class). */
export async function groupRow(manager: Queryable, classId: string, groupId: string, lock = false): Promise<GroupRow> {
  const [row] = await scopedQuery<GroupRow>(
    manager,
    `SELECT id, class_id, subject_code, name, archived_at FROM class_group WHERE id = $1 AND class_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
    [groupId, classId],
  );
  if (!row) throw groupNotFound();
  return row;
}

interface MemberRow {
  id: string;
  target_id: string;
  student_id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  date_from: string;
  date_to: string | null;
}

function toMembers(rows: readonly MemberRow[]): DatedMember[] {
  return rows
    .map((row) => ({
      id: row.id,
      student: { id: row.student_id, lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name },
      from: row.date_from,
      to: row.date_to,
    }))
    .sort((a, b) => byName(a.student, b.student) || a.from.localeCompare(b.from));
}

const MEMBER_COLUMNS = 'p.id AS student_id, p.last_name, p.first_name, p.middle_name, m.date_from, m.date_to';

/** Everyone ever enrolled in the class and in its groups, with dates. */
export async function classRoster(manager: Queryable, classId: string): Promise<ClassRoster> {
  const schoolClass = toRosterClass(await classRow(manager, classId));
  const [enrollments, groups, members] = await Promise.all([
    scopedQuery<MemberRow>(
      manager,
      `SELECT m.id, m.class_id AS target_id, ${MEMBER_COLUMNS} FROM enrollment m JOIN person p ON p.id = m.student_id WHERE m.class_id = $1`,
      [classId],
    ),
    scopedQuery<GroupRow>(
      manager,
      'SELECT id, class_id, subject_code, name, archived_at FROM class_group WHERE class_id = $1 ORDER BY subject_code, name, id',
      [classId],
    ),
    scopedQuery<MemberRow>(
      manager,
      `SELECT m.id, m.group_id AS target_id, ${MEMBER_COLUMNS}
         FROM group_membership m JOIN class_group g ON g.id = m.group_id JOIN person p ON p.id = m.student_id
        WHERE g.class_id = $1`,
      [classId],
    ),
  ]);
  return {
    class: schoolClass,
    enrollments: toMembers(enrollments),
    groups: groups.map((group) => ({
      ...toRosterGroup(group),
      members: toMembers(members.filter((member) => member.target_id === group.id)),
    })),
  };
}
