import { z } from 'zod';
import { type AccessFacts, ResourceRef } from '../access/access-facts.js';
import { RoleGrant } from '../common/actor.js';
import { AcademicYearLabel, ExternalKey, Grade, Id, Ok, SubjectCode } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { PersonName } from '../common/person-name.js';
import { defineRpc } from '../common/rpc-definition.js';
import type {
  Child,
  Page,
  PageContext,
  Person,
  ResolvedAccount,
  School,
  SchoolClass,
  Substitution,
  SubstitutionOnPage,
} from './identity.models.js';
import { SchoolSettings } from './identity.models.js';

type IdsByKey = { ids: Record<string, string> };
const batch = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(5_000);

/** Request/reply subjects of the identity service. Loading commands are idempotent by external key. */
export const IdentityRpc = {
  upsertSchool: defineRpc<{ id: string }>()(
    'identity.schools.upsert',
    SchoolSettings.extend({ externalKey: ExternalKey }),
  ),
  getSchool: defineRpc<School>()('identity.schools.get', z.object({ schoolId: Id })),

  upsertPeople: defineRpc<IdsByKey>()(
    'identity.people.upsert',
    z.object({ people: batch(PersonName.extend({ externalKey: ExternalKey })) }),
  ),

  /** Links an OIDC subject to a person and sets the person's roles per school (no self-registration, R-ACC-1). */
  upsertAccounts: defineRpc<IdsByKey>()(
    'identity.accounts.upsert',
    z.object({
      accounts: batch(
        z.object({ externalKey: ExternalKey, personId: Id, subject: z.string().min(1), grants: z.array(RoleGrant) }),
      ),
    }),
  ),
  /**
   * The account behind an OIDC subject; ACCOUNT_UNKNOWN or ACCOUNT_REVOKED otherwise. On the first sign-in of an
   * unknown subject the gateway passes the provider's SNILS claim (ESIA gives it): the subject is linked to the one
   * account awaiting it — an account without a subject, of a school that allows matching by SNILS, of the person with
   * that SNILS; none or several such accounts leave the subject unknown. The SNILS is never logged.
   */
  resolveSubject: defineRpc<ResolvedAccount>()(
    'identity.accounts.resolve',
    z.object({ subject: z.string().min(1), snils: z.string().max(20).optional() }),
  ),

  upsertClasses: defineRpc<IdsByKey>()(
    'identity.classes.upsert',
    z.object({
      schoolId: Id,
      classes: batch(
        z.object({
          externalKey: ExternalKey,
          academicYear: AcademicYearLabel,
          grade: Grade,
          letter: z.string().min(1).max(4),
          classTeacherId: Id.nullable(),
        }),
      ),
    }),
  ),
  getClass: defineRpc<SchoolClass>()('identity.classes.get', z.object({ classId: Id })),
  /** Classes the person leads as class teacher in a school year. */
  classesLedBy: defineRpc<{ classes: SchoolClass[] }>()(
    'identity.classes.led-by',
    z.object({ teacherId: Id, academicYear: AcademicYearLabel.optional() }),
  ),

  upsertGroups: defineRpc<IdsByKey>()(
    'identity.groups.upsert',
    z.object({
      groups: batch(z.object({ externalKey: ExternalKey, classId: Id, subjectCode: SubjectCode, name: z.string().min(1) })),
    }),
  ),

  /** Enrollments in classes and memberships in groups, with dates (R-CAL-4). */
  upsertEnrollments: defineRpc<Ok>()(
    'identity.enrollments.upsert',
    z.object({
      enrollments: batch(z.object({ studentId: Id, classId: Id, from: LocalDate, to: LocalDate.nullable() })),
    }),
  ),
  upsertGroupMemberships: defineRpc<Ok>()(
    'identity.group-memberships.upsert',
    z.object({
      memberships: batch(z.object({ studentId: Id, groupId: Id, from: LocalDate, to: LocalDate.nullable() })),
    }),
  ),
  upsertGuardianships: defineRpc<Ok>()(
    'identity.guardianships.upsert',
    z.object({ guardianships: batch(z.object({ parentId: Id, studentId: Id })) }),
  ),

  upsertPages: defineRpc<IdsByKey>()(
    'identity.pages.upsert',
    z.object({
      schoolId: Id,
      pages: batch(
        z.object({
          externalKey: ExternalKey,
          classId: Id,
          groupId: Id.nullable(),
          subjectCode: SubjectCode,
          assignments: z.array(z.object({ teacherId: Id, from: LocalDate, to: LocalDate.nullable() })).min(1),
        }),
      ),
    }),
  ),
  /**
   * Every page of a school's classes of an academic year with its assignments, and the names of the teachers in them
   * (the coordinator's list of calendar-thematic plans, R-PLAN-1). The school's staff.
   */
  pagesOfSchool: defineRpc<{ pages: Page[]; teachers: Person[] }>()(
    'identity.pages.of-school',
    z.object({ schoolId: Id, academicYear: AcademicYearLabel }),
  ),
  /** Pages assigned to a teacher on a date. */
  pagesOfTeacher: defineRpc<{ pages: Page[] }>()('identity.pages.of-teacher', z.object({ teacherId: Id, date: LocalDate })),
  /**
   * The page on a date as seen by the calling actor: writable, readable, their access facts, the students enrolled.
   * With the lesson's id the facts also say whether the actor substitutes that lesson (R-ACC-3).
   */
  pageContext: defineRpc<PageContext>()(
    'identity.pages.context',
    z.object({ pageId: Id, date: LocalDate, lessonId: Id.optional() }),
  ),
  /**
   * Hands a page over to another teacher from a date (R-ACC-3): the assignments running then end the day before, so
   * the former teacher keeps reading the page but no longer writes on it. The school's deputy or director only.
   */
  handOverPage: defineRpc<Page>()(
    'identity.pages.hand-over',
    z.object({ pageId: Id, teacherId: Id, from: LocalDate }),
  ),

  /**
   * Assigns a teacher of the school to substitute one lesson (замена): they write on that lesson only (R-ACC-3).
   * The caller gives the lesson's page and date as planning knows them. The school's deputy or director only;
   * a lesson has one substitute, assigning another replaces them.
   */
  assignSubstitute: defineRpc<Substitution>()(
    'identity.substitutions.assign',
    z.object({ lessonId: Id, pageId: Id, date: LocalDate, teacherId: Id }),
  ),
  /** Ends the substitution of a lesson; a lesson without one changes nothing. */
  removeSubstitute: defineRpc<{ removed: boolean }>()(
    'identity.substitutions.remove',
    z.object({ lessonId: Id, pageId: Id, date: LocalDate }),
  ),
  /** The lessons a teacher substitutes on a date, with their pages. */
  substitutionsOfTeacher: defineRpc<{ substitutions: SubstitutionOnPage[] }>()(
    'identity.substitutions.of-teacher',
    z.object({ teacherId: Id, date: LocalDate }),
  ),

  /**
   * The calling actor's facts about one resource: whether it exists, its schools, how the actor stands to it.
   * The policy (libs/policy) decides what they allow; a missing resource has no school and no relation.
   */
  accessFacts: defineRpc<AccessFacts>()('identity.access.facts', z.object({ resource: ResourceRef })),

  /** The calling parent's children; a parent sees nobody else (R-REP-4). */
  childrenOfParent: defineRpc<{ children: Child[] }>()('identity.children.of-parent', z.object({ parentId: Id })),
  /**
   * May the calling actor read this student's diary (own child, class teacher of the student's class, school
   * management)? NOT_FOUND when not: a stranger's child and a missing one get the same answer.
   */
  studentAccess: defineRpc<{ student: Child }>()('identity.students.access', z.object({ studentId: Id, date: LocalDate })),
  /** May the calling actor read this class's summary (its class teacher, school management)? NOT_FOUND otherwise. */
  classAccess: defineRpc<SchoolClass>()('identity.classes.access', z.object({ classId: Id })),
} as const;
