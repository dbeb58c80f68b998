import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { OneRosterCollection, OneRosterRecord } from '#contracts';

/**
 * The OneRoster 1.2 rostering records of some schools, assembled from the read model (R-REP-5): orgs = schools,
 * academicSessions = school years and their periods (grading periods), courses = a subject in a grade of a year,
 * classes = journal pages (class × subject × group), users = students, teachers and parents (names only),
 * enrollments = students and teachers of pages with their dates. sourcedIds are our uuids; a course and an enrollment
 * of a student on a page have none of their own, so theirs are derived (name-based, stable).
 */
type Ref = (collection: string, type: string, sourcedId: string) => { href: string; sourcedId: string; type: string };

function derivedId(...parts: string[]): string {
  const hex = createHash('md5').update(parts.join(':')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function courseIdOf(yearId: string, subjectCode: string, grade: number): string {
  return derivedId('course', yearId, subjectCode, String(grade));
}

const iso = (value: Date | string): string => new Date(value).toISOString();
const schoolYearOf = (endDate: string): string => endDate.slice(0, 4);

interface OrgRow {
  id: string;
  name: string;
  updated_at: Date;
}

async function orgs(manager: EntityManager, schoolIds: string[]): Promise<OneRosterRecord[]> {
  const rows: OrgRow[] = await manager.query('SELECT id, name, updated_at FROM school WHERE id = ANY($1::uuid[])', [schoolIds]);
  return rows.map((row) => ({
    sourcedId: row.id,
    status: 'active',
    dateLastModified: iso(row.updated_at),
    name: row.name,
    type: 'school',
    identifier: row.id,
  }));
}

interface SessionRow {
  id: string;
  year_id: string | null;
  title: string;
  start_date: string;
  end_date: string;
  year_end: string;
  updated_at: Date;
}

async function academicSessions(manager: EntityManager, schoolIds: string[], ref: Ref): Promise<OneRosterRecord[]> {
  const rows: SessionRow[] = await manager.query(
    `SELECT y.id, NULL AS year_id, y.label AS title, y.start_date, y.end_date, y.end_date AS year_end, y.updated_at
     FROM academic_year y WHERE y.school_id = ANY($1::uuid[])
     UNION ALL
     SELECT p.id, p.year_id, p.name_ru || ' (' || p.grade_from || '–' || p.grade_to || ' кл.)', p.start_date, p.end_date,
       y.end_date, p.updated_at
     FROM period p JOIN academic_year y ON y.id = p.year_id WHERE y.school_id = ANY($1::uuid[])`,
    [schoolIds],
  );
  const session = (id: string) => ref('academicSessions', 'academicSession', id);
  return rows.map((row) => {
    const children = row.year_id === null ? rows.filter((child) => child.year_id === row.id).map((child) => session(child.id)) : [];
    return {
      sourcedId: row.id,
      status: 'active',
      dateLastModified: iso(row.updated_at),
      title: row.title,
      startDate: row.start_date,
      endDate: row.end_date,
      type: row.year_id === null ? 'schoolYear' : 'gradingPeriod',
      ...(row.year_id === null ? { children } : { parent: session(row.year_id) }),
      schoolYear: schoolYearOf(row.year_end),
    };
  });
}

/** Pages with their class, group, subject and year: the source of courses and classes. */
interface PageRow {
  id: string;
  school_id: string;
  subject_code: string;
  subject_name: string | null;
  class_name: string;
  grade: number;
  group_name: string | null;
  year_id: string;
  updated_at: Date;
}

async function pages(manager: EntityManager, schoolIds: string[]): Promise<PageRow[]> {
  return manager.query(
    `SELECT p.id, p.school_id, p.subject_code, s.name_ru AS subject_name, c.name AS class_name, c.grade,
       g.name AS group_name, y.id AS year_id,
       GREATEST(p.updated_at, c.updated_at, g.updated_at, s.updated_at, y.updated_at) AS updated_at
     FROM page p
     JOIN school_class c ON c.id = p.class_id
     JOIN academic_year y ON y.school_id = c.school_id AND y.label = c.academic_year
     LEFT JOIN class_group g ON g.id = p.group_id
     LEFT JOIN subject s ON s.school_id = p.school_id AND s.code = p.subject_code
     WHERE p.school_id = ANY($1::uuid[])`,
    [schoolIds],
  );
}

async function courses(manager: EntityManager, schoolIds: string[], ref: Ref): Promise<OneRosterRecord[]> {
  const byId = new Map<string, OneRosterRecord>();
  for (const page of await pages(manager, schoolIds)) {
    const sourcedId = courseIdOf(page.year_id, page.subject_code, page.grade);
    const modified = iso(page.updated_at);
    const known = byId.get(sourcedId);
    if (known) {
      if (modified > known.dateLastModified) known.dateLastModified = modified;
      continue;
    }
    const subject = page.subject_name ?? page.subject_code;
    byId.set(sourcedId, {
      sourcedId,
      status: 'active',
      dateLastModified: modified,
      title: `${subject}, ${page.grade} класс`,
      schoolYear: ref('academicSessions', 'academicSession', page.year_id),
      courseCode: `${page.subject_code}-${page.grade}`,
      grades: [String(page.grade)],
      subjects: [subject],
      org: ref('orgs', 'org', page.school_id),
    });
  }
  return [...byId.values()];
}

async function classes(manager: EntityManager, schoolIds: string[], ref: Ref): Promise<OneRosterRecord[]> {
  return (await pages(manager, schoolIds)).map((page) => {
    const subject = page.subject_name ?? page.subject_code;
    return {
      sourcedId: page.id,
      status: 'active',
      dateLastModified: iso(page.updated_at),
      title: [page.class_name, subject, page.group_name].filter((part) => part !== null).join(' · '),
      classCode: [page.class_name, page.subject_code, page.group_name].filter((part) => part !== null).join('-'),
      classType: 'scheduled',
      grades: [String(page.grade)],
      subjects: [subject],
      course: ref('courses', 'course', courseIdOf(page.year_id, page.subject_code, page.grade)),
      school: ref('orgs', 'org', page.school_id),
      terms: [ref('academicSessions', 'academicSession', page.year_id)],
    };
  });
}

interface RoleRow {
  person_id: string;
  school_id: string;
  role: 'student' | 'teacher' | 'parent';
  updated_at: Date;
}

interface PersonRow {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  updated_at: Date;
}

const ROLE_ORDER = { student: 0, teacher: 1, parent: 2 } as const;

async function users(manager: EntityManager, schoolIds: string[], ref: Ref): Promise<OneRosterRecord[]> {
  const roles: RoleRow[] = await manager.query(
    `SELECT person_id, school_id, role, max(updated_at) AS updated_at FROM (
       SELECT e.student_id AS person_id, c.school_id, 'student' AS role, e.updated_at
       FROM enrollment e JOIN school_class c ON c.id = e.class_id
       UNION ALL
       SELECT t.teacher_id, p.school_id, 'teacher', t.updated_at FROM page_teacher t JOIN page p ON p.id = t.page_id
       UNION ALL
       SELECT g.parent_id, c.school_id, 'parent', g.updated_at
       FROM guardianship g JOIN enrollment e ON e.student_id = g.student_id JOIN school_class c ON c.id = e.class_id
     ) AS r
     WHERE school_id = ANY($1::uuid[])
     GROUP BY person_id, school_id, role`,
    [schoolIds],
  );
  const personIds = [...new Set(roles.map((role) => role.person_id))];
  const people: PersonRow[] = await manager.query(
    'SELECT id, last_name, first_name, middle_name, updated_at FROM person WHERE id = ANY($1::uuid[])',
    [personIds],
  );
  const guardianships: { parent_id: string; student_id: string; updated_at: Date }[] = await manager.query(
    `SELECT parent_id, student_id, updated_at FROM guardianship
     WHERE parent_id = ANY($1::uuid[]) AND student_id = ANY($1::uuid[])`,
    [personIds],
  );
  return people.map((person) => {
    const own = roles
      .filter((role) => role.person_id === person.id)
      .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.school_id.localeCompare(b.school_id));
    const links = guardianships.filter((link) => link.parent_id === person.id || link.student_id === person.id);
    const modified = [person.updated_at, ...own.map((role) => role.updated_at), ...links.map((link) => link.updated_at)]
      .map(iso)
      .sort()
      .at(-1)!;
    const agents = links.map((link) => (link.parent_id === person.id ? link.student_id : link.parent_id));
    return {
      sourcedId: person.id,
      status: 'active',
      dateLastModified: modified,
      enabledUser: 'true',
      givenName: person.first_name,
      familyName: person.last_name,
      ...(person.middle_name ? { middleName: person.middle_name } : {}),
      roles: own.map((role, index) => ({
        roleType: index === 0 ? 'primary' : 'secondary',
        role: role.role,
        org: ref('orgs', 'org', role.school_id),
      })),
      primaryOrg: ref('orgs', 'org', own[0]!.school_id),
      agents: [...new Set(agents)].map((id) => ref('users', 'user', id)),
    };
  });
}

interface EnrollmentRow {
  source: string;
  role: 'student' | 'teacher';
  page_id: string;
  school_id: string;
  user_id: string;
  date_from: string;
  date_to: string | null;
  updated_at: Date;
}

async function enrollments(manager: EntityManager, schoolIds: string[], ref: Ref): Promise<OneRosterRecord[]> {
  // Students of a page: the class's enrollments (a page without a group) or the group's memberships.
  const rows: EnrollmentRow[] = await manager.query(
    `SELECT e.id::text AS source, 'student' AS role, p.id AS page_id, p.school_id, e.student_id AS user_id,
       e.date_from, e.date_to, GREATEST(e.updated_at, p.updated_at) AS updated_at
     FROM page p JOIN enrollment e ON e.class_id = p.class_id
     WHERE p.group_id IS NULL AND p.school_id = ANY($1::uuid[])
     UNION ALL
     SELECT m.id::text, 'student', p.id, p.school_id, m.student_id, m.date_from, m.date_to,
       GREATEST(m.updated_at, p.updated_at)
     FROM page p JOIN group_membership m ON m.group_id = p.group_id
     WHERE p.school_id = ANY($1::uuid[])
     UNION ALL
     SELECT t.teacher_id || ':' || t.date_from, 'teacher', p.id, p.school_id, t.teacher_id, t.date_from, t.date_to,
       GREATEST(t.updated_at, p.updated_at)
     FROM page p JOIN page_teacher t ON t.page_id = p.id
     WHERE p.school_id = ANY($1::uuid[])`,
    [schoolIds],
  );
  return rows.map((row) => ({
    sourcedId: derivedId('enrollment', row.role, row.source, row.page_id),
    status: 'active',
    dateLastModified: iso(row.updated_at),
    user: ref('users', 'user', row.user_id),
    class: ref('classes', 'class', row.page_id),
    school: ref('orgs', 'org', row.school_id),
    role: row.role,
    primary: row.role === 'teacher' ? 'true' : 'false',
    beginDate: row.date_from,
    ...(row.date_to ? { endDate: row.date_to } : {}),
  }));
}

export function oneRosterRecords(
  manager: EntityManager,
  collection: OneRosterCollection,
  schoolIds: string[],
  baseUrl: string,
): Promise<OneRosterRecord[]> {
  const ref: Ref = (path, type, sourcedId) => ({ href: `${baseUrl}/${path}/${sourcedId}`, sourcedId, type });
  switch (collection) {
    case 'orgs':
      return orgs(manager, schoolIds);
    case 'academicSessions':
      return academicSessions(manager, schoolIds, ref);
    case 'courses':
      return courses(manager, schoolIds, ref);
    case 'classes':
      return classes(manager, schoolIds, ref);
    case 'users':
      return users(manager, schoolIds, ref);
    case 'enrollments':
      return enrollments(manager, schoolIds, ref);
  }
}
