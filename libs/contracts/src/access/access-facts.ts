import { z } from 'zod';
import { Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';

/** How a person stands to a resource; identity knows these facts, the policy decides what they allow. */
export const Relation = z.enum([
  /** The resource is the person (their own account, their own data). */
  'self',
  /** A legal guardian of the student (R-REP-4). */
  'guardian',
  /** Class teacher of the class (of the page, of the student on the date; for a school: of one of its classes). */
  'class-teacher',
  /** Assigned to the page on the date (R-ACC-3). */
  'page-teacher',
  /** Assigned to the page at some time: predecessors and successors read it. */
  'page-teacher-ever',
  /** Assigned to substitute this one lesson. */
  'lesson-substitute',
  /**
   * On the personal-data list (R-ACC-2) of a school of the person, and working in that school: may see the person's
   * personal data. For a school: on that school's list and working there.
   */
  'personal-data-staff',
]);
export type Relation = z.infer<typeof Relation>;

/** What an access decision is about. Dates matter: assignments and enrollments change during the year. */
export const ResourceRef = z.discriminatedUnion('type', [
  z.object({ type: z.literal('school'), id: Id }),
  z.object({ type: z.literal('class'), id: Id }),
  /** The student on a date (their class then); without a date, today in the school of their enrollment (R-CAL-2). */
  z.object({ type: z.literal('student'), id: Id, date: LocalDate.optional() }),
  /**
   * A journal page on a date (assignments change, R-ACC-3); without a date, today in the page's school. With the
   * lesson's id the facts also say whether the actor substitutes that lesson.
   */
  z.object({ type: z.literal('page'), id: Id, date: LocalDate.optional(), lessonId: Id.optional() }),
  z.object({ type: z.literal('person'), id: Id }),
  /** An account (R-ACC-1): its schools are the one it was created in and those of its roles. */
  z.object({ type: z.literal('account'), id: Id }),
]);
export type ResourceRef = z.infer<typeof ResourceRef>;

/** The facts of the calling actor about one resource. A resource that does not exist has no school and no relation. */
export const AccessFacts = z.object({
  exists: z.boolean(),
  /** The schools the resource belongs to (one for most resources; a person may work in several). */
  schoolIds: z.array(Id),
  relations: z.array(Relation),
});
export type AccessFacts = z.infer<typeof AccessFacts>;
