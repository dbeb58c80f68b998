import type { EntityManager } from 'typeorm';
import { IdentityEvents, SchoolTransferRpc } from '#contracts';
import { announceEach, announceList, type OutboxWriter, type SchoolTransferDeclaration, type TransferTable } from '#platform';

const SCHOOL_CLASSES = 'SELECT c.id FROM school_class c WHERE c.school_id = $1';
const SCHOOL_PAGES = 'SELECT p.id FROM page p WHERE p.school_id = $1';
const SCHOOL_STUDENTS = `SELECT e.student_id FROM enrollment e WHERE e.class_id IN (${SCHOOL_CLASSES})`;
/** Accounts that act in the school: its own, those with a role in it, those its access log names. */
const SCHOOL_ACCOUNTS = `
  SELECT a.id FROM account a WHERE a.school_id = $1
  UNION SELECT g.account_id FROM role_grant g WHERE g.school_id = $1
  UNION SELECT l.account_id FROM access_log l WHERE l.school_id = $1 AND l.account_id IS NOT NULL`;
/** Everyone the school's rows name: students, their parents, teachers, staff, account holders, people its logs name. */
const SCHOOL_PEOPLE = `
  ${SCHOOL_STUDENTS}
  UNION SELECT g.parent_id FROM guardianship g WHERE g.student_id IN (${SCHOOL_STUDENTS})
  UNION SELECT c.class_teacher_id FROM school_class c WHERE c.school_id = $1 AND c.class_teacher_id IS NOT NULL
  UNION SELECT a.teacher_id FROM page_assignment a WHERE a.page_id IN (${SCHOOL_PAGES})
  UNION SELECT s.teacher_id FROM substitution s WHERE s.page_id IN (${SCHOOL_PAGES})
  UNION SELECT s.assigned_by FROM substitution s WHERE s.page_id IN (${SCHOOL_PAGES}) AND s.assigned_by IS NOT NULL
  UNION SELECT a.person_id FROM account a WHERE a.id IN (${SCHOOL_ACCOUNTS})
  UNION SELECT s.person_id FROM personal_data_staff s WHERE s.school_id = $1
  UNION SELECT l.person_id FROM roster_log l WHERE l.school_id = $1 AND l.person_id IS NOT NULL
  UNION SELECT l.person_id FROM access_log l WHERE l.school_id = $1 AND l.person_id IS NOT NULL
  UNION SELECT l.person_id FROM personal_data_log l WHERE $1 = ANY (l.school_ids)`;

/**
 * Identity's part of a school (R-DATA-2), parents before children. People, accounts, guardianships and personal data
 * are shared: a person may be in another school of the target system already, and is then kept as it is there.
 * Not moved: `api_client` (the municipality's machine clients span schools and hold secrets: the target issues its
 * own), `outbox`, `migrations`, `school_transfer_batch`.
 */
export const IDENTITY_TRANSFER_TABLES: readonly TransferTable[] = [
  { name: 'school', where: 't.id = $1', orderBy: 't.id' },
  { name: 'person', where: `t.id IN (${SCHOOL_PEOPLE})`, orderBy: 't.id', shared: true },
  { name: 'account', where: `t.id IN (${SCHOOL_ACCOUNTS})`, orderBy: 't.id', shared: true },
  { name: 'role_grant', where: 't.school_id = $1', orderBy: 't.account_id, t.role' },
  { name: 'personal_data', where: `t.person_id IN (${SCHOOL_PEOPLE})`, orderBy: 't.person_id', shared: true },
  { name: 'personal_data_staff', where: 't.school_id = $1', orderBy: 't.person_id' },
  { name: 'school_class', where: 't.school_id = $1', orderBy: 't.id' },
  { name: 'class_group', where: `t.class_id IN (${SCHOOL_CLASSES})`, orderBy: 't.id' },
  { name: 'enrollment', where: `t.class_id IN (${SCHOOL_CLASSES})`, orderBy: 't.id' },
  {
    name: 'group_membership',
    where: `t.group_id IN (SELECT g.id FROM class_group g WHERE g.class_id IN (${SCHOOL_CLASSES}))`,
    orderBy: 't.id',
  },
  { name: 'guardianship', where: `t.student_id IN (${SCHOOL_STUDENTS})`, orderBy: 't.parent_id, t.student_id', shared: true },
  { name: 'page', where: 't.school_id = $1', orderBy: 't.id' },
  { name: 'page_assignment', where: `t.page_id IN (${SCHOOL_PAGES})`, orderBy: 't.page_id, t.teacher_id, t.date_from' },
  { name: 'substitution', where: `t.page_id IN (${SCHOOL_PAGES})`, orderBy: 't.lesson_id' },
  { name: 'roster_request', where: 't.school_id = $1', orderBy: 't.seq', generated: ['seq'] },
  { name: 'roster_log', where: 't.school_id = $1', orderBy: 't.id', generated: ['id'] },
  { name: 'access_log', where: 't.school_id = $1', orderBy: 't.id', generated: ['id'] },
  { name: 'mark_settings_log', where: 't.school_id = $1', orderBy: 't.id', generated: ['id'] },
  // A read of personal data concerning several schools belongs to each of them: it travels with every one.
  { name: 'personal_data_log', where: '$1 = ANY (t.school_ids)', orderBy: 't.id', generated: ['id'], shared: true },
];

/** The school as the read models know it, in the events identity always sends. */
async function announceSchool(outbox: OutboxWriter, manager: EntityManager, schoolId: string): Promise<void> {
  const school = [schoolId];
  await announceEach(
    outbox,
    manager,
    IdentityEvents.schoolSaved,
    `SELECT jsonb_build_object('schoolId', id, 'name', name, 'timeZone', time_zone, 'markScaleMin', mark_scale_min,
       'workKinds', work_kinds) AS item FROM school WHERE id = $1`,
    school,
  );
  await announceList(
    outbox,
    manager,
    IdentityEvents.peopleSaved,
    'people',
    `SELECT jsonb_build_object('personId', id, 'lastName', last_name, 'firstName', first_name, 'middleName', middle_name) AS item
     FROM person WHERE id IN (${SCHOOL_PEOPLE}) ORDER BY id`,
    school,
  );
  await announceList(
    outbox,
    manager,
    IdentityEvents.classesSaved,
    'classes',
    `SELECT jsonb_build_object('classId', id, 'schoolId', school_id, 'academicYear', academic_year, 'grade', grade,
       'letter', letter, 'classTeacherId', class_teacher_id) AS item
     FROM school_class WHERE school_id = $1 ORDER BY id`,
    school,
  );
  await announceList(
    outbox,
    manager,
    IdentityEvents.groupsSaved,
    'groups',
    `SELECT jsonb_build_object('groupId', id, 'classId', class_id, 'subjectCode', subject_code, 'name', name) AS item
     FROM class_group WHERE class_id IN (${SCHOOL_CLASSES}) ORDER BY id`,
    school,
  );
  await announceList(
    outbox,
    manager,
    IdentityEvents.enrollmentsSaved,
    'enrollments',
    `SELECT jsonb_build_object('enrollmentId', id, 'studentId', student_id, 'classId', class_id, 'from', date_from,
       'to', date_to) AS item
     FROM enrollment WHERE class_id IN (${SCHOOL_CLASSES}) ORDER BY id`,
    school,
  );
  await announceList(
    outbox,
    manager,
    IdentityEvents.groupMembershipsSaved,
    'memberships',
    `SELECT jsonb_build_object('membershipId', m.id, 'studentId', m.student_id, 'groupId', m.group_id, 'from', m.date_from,
       'to', m.date_to) AS item
     FROM group_membership m JOIN class_group g ON g.id = m.group_id
     WHERE g.class_id IN (${SCHOOL_CLASSES}) ORDER BY m.id`,
    school,
  );
  await announceList(
    outbox,
    manager,
    IdentityEvents.guardianshipsSaved,
    'guardianships',
    `SELECT jsonb_build_object('parentId', parent_id, 'studentId', student_id) AS item
     FROM guardianship WHERE student_id IN (${SCHOOL_STUDENTS}) ORDER BY parent_id, student_id`,
    school,
  );
  await announceList(
    outbox,
    manager,
    IdentityEvents.pagesSaved,
    'pages',
    `SELECT jsonb_build_object('pageId', p.id, 'schoolId', p.school_id, 'classId', p.class_id, 'groupId', p.group_id,
       'subjectCode', p.subject_code,
       'assignments', COALESCE((
         SELECT jsonb_agg(jsonb_build_object('teacherId', a.teacher_id, 'from', a.date_from, 'to', a.date_to)
                          ORDER BY a.date_from, a.teacher_id)
         FROM page_assignment a WHERE a.page_id = p.id), '[]'::jsonb)) AS item
     FROM page p WHERE p.school_id = $1 ORDER BY p.id`,
    school,
  );
}

export const identityTransfer: SchoolTransferDeclaration = {
  rpc: SchoolTransferRpc.identity,
  tables: IDENTITY_TRANSFER_TABLES,
  announce: (outbox, manager, schoolId) => announceSchool(outbox, manager, schoolId),
};
