import { z } from 'zod';
import { Id } from '../common/ids.js';
import { defineEvent } from '../common/rpc-definition.js';
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

export const JournalEvents = {
  lessonContentSaved: defineEvent('events.journal.lesson-content-saved.v1', LessonContent),
  marksSaved: defineEvent('events.journal.marks-saved.v1', z.object({ marks: z.array(Mark) })),
  lessonsImported: defineEvent(
    'events.journal.lessons-imported.v1',
    z.object({ lessons: z.array(LessonContent.extend({ marks: z.array(Mark) })) }),
  ),
} as const;
