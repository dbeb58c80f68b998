import type { EntityManager } from 'typeorm';
import { type EventPayload, IdentityEvents } from '#contracts';
import type { EventHandlers } from '#platform';
import { onePerKey, writeRows } from './batch-rows.js';

type Payload<K extends keyof typeof IdentityEvents> = EventPayload<(typeof IdentityEvents)[K]>;

async function saveSchool(school: Payload<'schoolSaved'>, manager: EntityManager): Promise<void> {
  await manager.query(
    `INSERT INTO school (id, name, time_zone) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone`,
    [school.schoolId, school.name, school.timeZone],
  );
  // The event carries the whole list: a kind missing from it is no longer the school's.
  await manager.query('DELETE FROM work_kind WHERE school_id = $1', [school.schoolId]);
  await writeRows(
    manager,
    `INSERT INTO work_kind (school_id, code, name_ru, weight)
     SELECT $2, code, name_ru, weight FROM jsonb_to_recordset($1::jsonb) AS r(code text, name_ru text, weight text)`,
    onePerKey(school.workKinds, (kind) => kind.code).map((kind) => ({
      code: kind.code,
      name_ru: kind.nameRu,
      weight: kind.weight,
    })),
    school.schoolId,
  );
}

async function savePeople({ people }: Payload<'peopleSaved'>, manager: EntityManager): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO person (id, last_name, first_name, middle_name)
     SELECT id, last_name, first_name, middle_name
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, last_name text, first_name text, middle_name text)
     ON CONFLICT (id) DO UPDATE SET
       last_name = excluded.last_name, first_name = excluded.first_name, middle_name = excluded.middle_name`,
    onePerKey(people, (person) => person.personId).map((person) => ({
      id: person.personId,
      last_name: person.lastName,
      first_name: person.firstName,
      middle_name: person.middleName,
    })),
  );
}

async function saveClasses({ classes }: Payload<'classesSaved'>, manager: EntityManager): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO school_class (id, school_id, academic_year, grade, letter, name)
     SELECT id, school_id, academic_year, grade, letter, name
     FROM jsonb_to_recordset($1::jsonb)
       AS r(id uuid, school_id uuid, academic_year text, grade smallint, letter text, name text)
     ON CONFLICT (id) DO UPDATE SET
       school_id = excluded.school_id, academic_year = excluded.academic_year, grade = excluded.grade,
       letter = excluded.letter, name = excluded.name`,
    onePerKey(classes, (schoolClass) => schoolClass.classId).map((schoolClass) => ({
      id: schoolClass.classId,
      school_id: schoolClass.schoolId,
      academic_year: schoolClass.academicYear,
      grade: schoolClass.grade,
      letter: schoolClass.letter,
      name: `${schoolClass.grade}${schoolClass.letter}`,
    })),
  );
}

async function saveGroups({ groups }: Payload<'groupsSaved'>, manager: EntityManager): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO class_group (id, class_id, subject_code, name)
     SELECT id, class_id, subject_code, name
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, class_id uuid, subject_code text, name text)
     ON CONFLICT (id) DO UPDATE SET
       class_id = excluded.class_id, subject_code = excluded.subject_code, name = excluded.name`,
    onePerKey(groups, (group) => group.groupId).map((group) => ({
      id: group.groupId,
      class_id: group.classId,
      subject_code: group.subjectCode,
      name: group.name,
    })),
  );
}

async function saveEnrollments({ enrollments }: Payload<'enrollmentsSaved'>, manager: EntityManager): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO enrollment (id, student_id, class_id, date_from, date_to)
     SELECT id, student_id, class_id, date_from, date_to
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, student_id uuid, class_id uuid, date_from date, date_to date)
     ON CONFLICT (id) DO UPDATE SET
       student_id = excluded.student_id, class_id = excluded.class_id,
       date_from = excluded.date_from, date_to = excluded.date_to`,
    onePerKey(enrollments, (enrollment) => enrollment.enrollmentId).map((enrollment) => ({
      id: enrollment.enrollmentId,
      student_id: enrollment.studentId,
      class_id: enrollment.classId,
      date_from: enrollment.from,
      date_to: enrollment.to,
    })),
  );
}

async function saveGroupMemberships(
  { memberships }: Payload<'groupMembershipsSaved'>,
  manager: EntityManager,
): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO group_membership (id, student_id, group_id, date_from, date_to)
     SELECT id, student_id, group_id, date_from, date_to
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, student_id uuid, group_id uuid, date_from date, date_to date)
     ON CONFLICT (id) DO UPDATE SET
       student_id = excluded.student_id, group_id = excluded.group_id,
       date_from = excluded.date_from, date_to = excluded.date_to`,
    onePerKey(memberships, (membership) => membership.membershipId).map((membership) => ({
      id: membership.membershipId,
      student_id: membership.studentId,
      group_id: membership.groupId,
      date_from: membership.from,
      date_to: membership.to,
    })),
  );
}

async function saveGuardianships(
  { guardianships }: Payload<'guardianshipsSaved'>,
  manager: EntityManager,
): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO guardianship (parent_id, student_id)
     SELECT parent_id, student_id FROM jsonb_to_recordset($1::jsonb) AS r(parent_id uuid, student_id uuid)
     ON CONFLICT DO NOTHING`,
    guardianships.map((guardianship) => ({ parent_id: guardianship.parentId, student_id: guardianship.studentId })),
  );
}

async function endGuardianships({ guardianships }: Payload<'guardianshipsEnded'>, manager: EntityManager): Promise<void> {
  await writeRows(
    manager,
    `DELETE FROM guardianship g USING jsonb_to_recordset($1::jsonb) AS r(parent_id uuid, student_id uuid)
     WHERE g.parent_id = r.parent_id AND g.student_id = r.student_id`,
    guardianships.map((guardianship) => ({ parent_id: guardianship.parentId, student_id: guardianship.studentId })),
  );
}

async function withdrawMemberships({ membershipIds }: Payload<'groupMembershipsWithdrawn'>, manager: EntityManager): Promise<void> {
  await manager.query('DELETE FROM group_membership WHERE id = ANY($1::uuid[])', [membershipIds]);
}

async function savePages({ pages }: Payload<'pagesSaved'>, manager: EntityManager): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO page (id, school_id, class_id, group_id, subject_code)
     SELECT id, school_id, class_id, group_id, subject_code
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, school_id uuid, class_id uuid, group_id uuid, subject_code text)
     ON CONFLICT (id) DO UPDATE SET
       school_id = excluded.school_id, class_id = excluded.class_id,
       group_id = excluded.group_id, subject_code = excluded.subject_code`,
    onePerKey(pages, (page) => page.pageId).map((page) => ({
      id: page.pageId,
      school_id: page.schoolId,
      class_id: page.classId,
      group_id: page.groupId,
      subject_code: page.subjectCode,
    })),
  );
  // A page's assignments replace the previous ones: the teachers of its classes in the OneRoster API (R-REP-5).
  const assigned = onePerKey(pages, (page) => page.pageId);
  if (assigned.length === 0) return;
  await manager.query('DELETE FROM page_teacher WHERE page_id = ANY($1::uuid[])', [assigned.map((page) => page.pageId)]);
  await writeRows(
    manager,
    `INSERT INTO page_teacher (page_id, teacher_id, date_from, date_to)
     SELECT page_id, teacher_id, date_from, date_to
     FROM jsonb_to_recordset($1::jsonb) AS r(page_id uuid, teacher_id uuid, date_from date, date_to date)
     ON CONFLICT DO NOTHING`,
    assigned.flatMap((page) =>
      page.assignments.map((assignment) => ({
        page_id: page.pageId,
        teacher_id: assignment.teacherId,
        date_from: assignment.from,
        date_to: assignment.to,
      })),
    ),
  );
}

/** Schools, people, classes, groups, enrollments, memberships, guardianships and pages from identity's events. */
export function identityProjection(handlers: EventHandlers): EventHandlers {
  return handlers
    .on(IdentityEvents.schoolSaved, (payload, _envelope, manager) => saveSchool(payload, manager))
    .on(IdentityEvents.peopleSaved, (payload, _envelope, manager) => savePeople(payload, manager))
    .on(IdentityEvents.classesSaved, (payload, _envelope, manager) => saveClasses(payload, manager))
    .on(IdentityEvents.groupsSaved, (payload, _envelope, manager) => saveGroups(payload, manager))
    .on(IdentityEvents.enrollmentsSaved, (payload, _envelope, manager) => saveEnrollments(payload, manager))
    .on(IdentityEvents.groupMembershipsSaved, (payload, _envelope, manager) => saveGroupMemberships(payload, manager))
    .on(IdentityEvents.guardianshipsSaved, (payload, _envelope, manager) => saveGuardianships(payload, manager))
    .on(IdentityEvents.guardianshipsEnded, (payload, _envelope, manager) => endGuardianships(payload, manager))
    .on(IdentityEvents.groupMembershipsWithdrawn, (payload, _envelope, manager) => withdrawMemberships(payload, manager))
    .on(IdentityEvents.pagesSaved, (payload, _envelope, manager) => savePages(payload, manager));
}
