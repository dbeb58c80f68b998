import { z } from 'zod';
import { AccessFacts } from '../access/access-facts.js';
import { Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { defineRpc } from '../common/rpc-definition.js';
import { Page, Person, School } from './identity.models.js';

/** A student's days on one page of the subject within the range (enrolled in its class, and in its group if any). */
export const SubjectPageDays = z.object({
  pageId: Id,
  classId: Id,
  className: z.string(),
  groupId: Id.nullable(),
  from: LocalDate,
  to: LocalDate,
});
export type SubjectPageDays = z.infer<typeof SubjectPageDays>;

/**
 * The page, its school, the caller's facts about the page today, and everyone on the page for at least one day of the
 * range with their days on every page of the same subject of the school's same academic year (a transfer shows both
 * classes, R-CAL-4). `subjectPageIds`: all those pages. Students only for those who may read the page.
 */
export const SubjectRoster = z.object({
  page: Page,
  school: School,
  facts: AccessFacts,
  subjectPageIds: z.array(Id),
  students: z.array(z.object({ student: Person, days: z.array(SubjectPageDays) })),
});
export type SubjectRoster = z.infer<typeof SubjectRoster>;

/** Who a page's period and year results are about (journal's results, R-CAL-4). */
export const SubjectRosterRpc = {
  ofPage: defineRpc<SubjectRoster>()(
    'identity.pages.subject-roster',
    z.object({ pageId: Id, from: LocalDate, to: LocalDate }),
  ),
} as const;
