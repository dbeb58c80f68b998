import { z } from 'zod';
import { AcademicYearLabel, Grade, Id, SubjectCode } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { PersonName } from '../common/person-name.js';
import { defineEvent } from '../common/rpc-definition.js';
import { PageAssignment, SchoolSettings } from './identity.models.js';

/** Durable events of the identity service. Names only; personal data (R-ACC-2) never leaves in events. */
export const IdentityEvents = {
  schoolSaved: defineEvent('events.identity.school-saved.v1', SchoolSettings.extend({ schoolId: Id })),
  peopleSaved: defineEvent('events.identity.people-saved.v1', z.object({ people: z.array(PersonName.extend({ personId: Id })) })),
  classesSaved: defineEvent(
    'events.identity.classes-saved.v1',
    z.object({
      classes: z.array(
        z.object({
          classId: Id,
          schoolId: Id,
          academicYear: AcademicYearLabel,
          grade: Grade,
          letter: z.string(),
          classTeacherId: Id.nullable(),
        }),
      ),
    }),
  ),
  groupsSaved: defineEvent(
    'events.identity.groups-saved.v1',
    z.object({ groups: z.array(z.object({ groupId: Id, classId: Id, subjectCode: SubjectCode, name: z.string() })) }),
  ),
  enrollmentsSaved: defineEvent(
    'events.identity.enrollments-saved.v1',
    z.object({
      enrollments: z.array(
        z.object({ enrollmentId: Id, studentId: Id, classId: Id, from: LocalDate, to: LocalDate.nullable() }),
      ),
    }),
  ),
  groupMembershipsSaved: defineEvent(
    'events.identity.group-memberships-saved.v1',
    z.object({
      memberships: z.array(
        z.object({ membershipId: Id, studentId: Id, groupId: Id, from: LocalDate, to: LocalDate.nullable() }),
      ),
    }),
  ),
  guardianshipsSaved: defineEvent(
    'events.identity.guardianships-saved.v1',
    z.object({ guardianships: z.array(z.object({ parentId: Id, studentId: Id })) }),
  ),
  /** Guardianships that ended: the parent no longer reads the child's diary nor hears of them. */
  guardianshipsEnded: defineEvent(
    'events.identity.guardianships-ended.v1',
    z.object({ guardianships: z.array(z.object({ parentId: Id, studentId: Id })) }),
  ),
  /** Group memberships withdrawn before they started: they never counted and are gone. */
  groupMembershipsWithdrawn: defineEvent(
    'events.identity.group-memberships-withdrawn.v1',
    z.object({ membershipIds: z.array(Id) }),
  ),
  /**
   * An account's access changed: revoked, restored, or its roles changed. The gateway ends the account's open
   * sessions and tokens at once (R-ACC-4); the person signs in again to get the new rights.
   */
  accessChanged: defineEvent(
    'events.identity.access-changed.v1',
    z.object({
      accountId: Id,
      personId: Id,
      /** `subject-changed`: the account was linked to another OIDC subject (appended). */
      change: z.enum(['revoked', 'restored', 'grants-changed', 'subject-changed']),
    }),
  ),
  pagesSaved: defineEvent(
    'events.identity.pages-saved.v1',
    z.object({
      pages: z.array(
        z.object({
          pageId: Id,
          schoolId: Id,
          classId: Id,
          groupId: Id.nullable(),
          subjectCode: SubjectCode,
          assignments: z.array(PageAssignment),
        }),
      ),
    }),
  ),
  /** A page handed over to another teacher from a date (R-ACC-3); pagesSaved carries the page's new assignments. */
  pageHandedOver: defineEvent(
    'events.identity.page-handed-over.v1',
    z.object({ pageId: Id, schoolId: Id, teacherId: Id, from: LocalDate, previousTeacherIds: z.array(Id) }),
  ),
  /** A teacher assigned to substitute one lesson (замена, R-ACC-3). */
  substituteAssigned: defineEvent(
    'events.identity.substitute-assigned.v1',
    z.object({ lessonId: Id, pageId: Id, schoolId: Id, date: LocalDate, teacherId: Id }),
  ),
  /** The substitution of a lesson ended. */
  substituteRemoved: defineEvent(
    'events.identity.substitute-removed.v1',
    z.object({ lessonId: Id, pageId: Id, schoolId: Id, date: LocalDate, teacherId: Id }),
  ),
} as const;
