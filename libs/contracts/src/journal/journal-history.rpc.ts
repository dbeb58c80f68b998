import { z } from 'zod';
import { Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { defineRpc } from '../common/rpc-definition.js';
import { LogPage } from '../identity/log-page.js';
import type { JournalChange } from './journal-history.models.js';

/** The journal's history (R-MARK-7), for those who may read the page (or the lesson). */
export const JournalHistoryRpc = {
  /** Every change of the lesson's marks and content, oldest first; with `studentId`, of that student's marks only. */
  ofLesson: defineRpc<{ changes: JournalChange[] }>()(
    'journal.history.lesson',
    z.object({ lessonId: Id, studentId: Id.optional() }),
  ),
  /**
   * Changes on the page's lessons, newest first, a page at a time; `from`/`to` are the days the changes were made on
   * in the school's time zone; with `studentId`, that student's marks only.
   */
  ofPage: defineRpc<{ changes: JournalChange[]; next: string | null }>()(
    'journal.history.page',
    LogPage.extend({ pageId: Id, studentId: Id.optional(), from: LocalDate.optional(), to: LocalDate.optional() }),
  ),
} as const;
