import { z } from 'zod';
import { Id } from '../common/ids.js';
import { defineEvent } from '../common/rpc-definition.js';
import { MarkSnapshot } from './journal-history.models.js';
import { Mark } from './journal.models.js';

const LessonContent = z.object({
  lessonId: Id,
  pageId: Id,
  topic: z.string().nullable(),
  homework: z.string().nullable(),
  version: z.number().int(),
  enteredAt: z.iso.datetime({ offset: true }),
  late: z.boolean(),
  /** The plan topic the lesson is linked to (R-PLAN-3); absent in events written before the link existed. */
  planTopicId: Id.nullable().optional(),
});

/** Who changed or deleted a mark, when, whether after the lesson's day (R-MARK-3) and why (R-MARK-7). */
const MarkChangeAuthor = {
  at: z.iso.datetime({ offset: true }),
  actorId: Id.nullable(),
  late: z.boolean(),
  reason: z.string().nullable(),
};

export const JournalEvents = {
  lessonContentSaved: defineEvent('events.journal.lesson-content-saved.v1', LessonContent),
  marksSaved: defineEvent('events.journal.marks-saved.v1', z.object({ marks: z.array(Mark) })),
  /** A mark as it is now and as it was before, so that readers can show "changed: old → new". */
  markChanged: defineEvent(
    'events.journal.mark-changed.v1',
    z.object({ mark: Mark, previous: MarkSnapshot, ...MarkChangeAuthor }),
  ),
  /** A mark deleted: as it was last, with the deletion's version; it counts nowhere any more. */
  markDeleted: defineEvent(
    'events.journal.mark-deleted.v1',
    z.object({ mark: Mark, version: z.number().int().min(1), ...MarkChangeAuthor }),
  ),
  lessonsImported: defineEvent(
    'events.journal.lessons-imported.v1',
    z.object({ lessons: z.array(LessonContent.extend({ marks: z.array(Mark) })) }),
  ),
} as const;
