import { z } from 'zod';
import { AccessFacts } from '../access/access-facts.js';
import { RoleGrant } from '../common/actor.js';
import { AcademicYearLabel, Grade, Id, SubjectCode } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { PersonName } from '../common/person-name.js';

/** A kind of work (R-MARK-4) and its weight, a decimal such as "1", "1.5" or "2". */
export const WorkKind = z.object({
  code: z.string().regex(/^[a-z0-9-]+$/),
  nameRu: z.string().min(1),
  weight: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, 'Вес — число, например 1 или 1.5'),
});
export type WorkKind = z.infer<typeof WorkKind>;

export const SchoolSettings = z.object({
  name: z.string().min(1),
  timeZone: z.string().min(1),
  markScaleMin: z.union([z.literal(1), z.literal(2)]),
  workKinds: z.array(WorkKind).min(1),
});
export type SchoolSettings = z.infer<typeof SchoolSettings>;

export const School = SchoolSettings.extend({ id: Id });
export type School = z.infer<typeof School>;

export const Person = PersonName.extend({ id: Id });
export type Person = z.infer<typeof Person>;

export const SchoolClass = z.object({
  id: Id,
  schoolId: Id,
  academicYear: AcademicYearLabel,
  grade: Grade,
  letter: z.string().min(1).max(4),
  /** "5А": grade and letter as people write them. */
  name: z.string(),
  classTeacherId: Id.nullable(),
});
export type SchoolClass = z.infer<typeof SchoolClass>;

export const ClassGroup = z.object({ id: Id, classId: Id, subjectCode: SubjectCode, name: z.string() });
export type ClassGroup = z.infer<typeof ClassGroup>;

export const PageAssignment = z.object({ teacherId: Id, from: LocalDate, to: LocalDate.nullable() });
export type PageAssignment = z.infer<typeof PageAssignment>;

/** A journal page: class × subject × group (R-CAL-3), assigned to teachers with dates (R-ACC-3). */
export const Page = z.object({
  id: Id,
  schoolId: Id,
  classId: Id,
  className: z.string(),
  grade: Grade,
  academicYear: AcademicYearLabel,
  subjectCode: SubjectCode,
  groupId: Id.nullable(),
  groupName: z.string().nullable(),
  assignments: z.array(PageAssignment),
});
export type Page = z.infer<typeof Page>;

export const ResolvedAccount = z.object({
  accountId: Id,
  personId: Id,
  name: PersonName,
  grants: z.array(RoleGrant),
});
export type ResolvedAccount = z.infer<typeof ResolvedAccount>;

export const StudentOnPage = Person;
export type StudentOnPage = Person;

/** Everything a journal write needs to know about a page on a date, in one answer. */
export const PageContext = z.object({
  page: Page,
  school: School,
  /** The actor may write on this page on this date (assigned teacher on that date; R-ACC-3). */
  writable: z.boolean(),
  /** The actor may read this page (writer, class teacher of the class, school management). */
  readable: z.boolean(),
  /**
   * The actor's facts about the page on the date (and the lesson, when asked with one): services decide their own
   * action with them and the policy table. Identity always sends them; a stand-in that does not is decided by
   * `writable`/`readable`.
   */
  facts: AccessFacts,
  /** Students enrolled in the page's class (and group) on the date (R-CAL-4). */
  students: z.array(Person),
});
export type PageContext = z.infer<typeof PageContext>;

export const Child = Person.extend({
  schoolId: Id.nullable(),
  classId: Id.nullable(),
  className: z.string().nullable(),
});
export type Child = z.infer<typeof Child>;


/** A teacher assigned to take one lesson of another teacher's page (замена, R-ACC-3): they write on that lesson only. */
export const Substitution = z.object({
  lessonId: Id,
  pageId: Id,
  schoolId: Id,
  date: LocalDate,
  teacherId: Id,
});
export type Substitution = z.infer<typeof Substitution>;

/** A substitution with the page it is on (class, subject, group), for the substitute's list of lessons. */
export const SubstitutionOnPage = Substitution.extend({ page: Page });
export type SubstitutionOnPage = z.infer<typeof SubstitutionOnPage>;
