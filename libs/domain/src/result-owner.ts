/** A student's days on one page of a subject within a term (enrolled in its class, and in its group if it has one). */
export interface PageDays {
  pageId: string;
  /** First and last day within the term, both included (`YYYY-MM-DD`). */
  from: string;
  to: string;
}

/**
 * The page that owns a student's result for a subject in a term (R-CAL-4): the page of the class (and group) the
 * student is in at the term's end, or, for one who left before it, the last one they were in. A student transferred
 * mid-term has exactly one result per subject, on the new class's page. Null when the student was on none.
 */
export function resultOwnerPage(days: readonly PageDays[]): string | null {
  let owner: PageDays | null = null;
  for (const span of days) {
    if (span.from > span.to) continue;
    // Latest last day wins; on the same last day the later start (a group joined that day), then the id, decides.
    if (
      owner === null ||
      span.to > owner.to ||
      (span.to === owner.to && (span.from > owner.from || (span.from === owner.from && span.pageId > owner.pageId)))
    ) {
      owner = span;
    }
  }
  return owner?.pageId ?? null;
}
