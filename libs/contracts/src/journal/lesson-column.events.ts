import { z } from 'zod';
import { Id } from '../common/ids.js';
import { defineEvent } from '../common/rpc-definition.js';

export const LessonColumnEvents = {
  /** The journal committed its part of a column: attendance confirms the column's reservation (idempotent). */
  saved: defineEvent(
    'events.journal.lesson-column-saved.v1',
    z.object({ columnId: Id, lessonId: Id, pageId: Id, version: z.number().int().min(1) }),
  ),
} as const;
