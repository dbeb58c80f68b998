import { z } from 'zod';
import { Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';

export const MarkValue = z.number().int().min(1).max(5);

/** A current mark (R-MARK-4): a value and a kind of work; late when entered after the lesson's day (R-MARK-3). */
export const Mark = z.object({
  id: Id,
  lessonId: Id,
  pageId: Id,
  studentId: Id,
  value: MarkValue,
  workKind: z.string(),
  comment: z.string().nullable(),
  enteredAt: z.iso.datetime({ offset: true }),
  enteredBy: Id.nullable(),
  late: z.boolean(),
  version: z.number().int().min(1),
});
export type Mark = z.infer<typeof Mark>;

/** What was recorded for a lesson: topic, homework and marks. Version 0 means nothing recorded yet. */
export const LessonRecord = z.object({
  lessonId: Id,
  pageId: Id.nullable(),
  topic: z.string().nullable(),
  homework: z.string().nullable(),
  version: z.number().int().min(0),
  /** The topic of the page's plan (КТП) the lesson is linked to (R-PLAN-3). */
  planTopicId: Id.nullable().optional(),
  marks: z.array(Mark),
});
export type LessonRecord = z.infer<typeof LessonRecord>;

/** A lesson of a page with a topic written, and the plan topic it is linked to (R-PLAN-3). */
export const LessonTopicEntry = z.object({
  lessonId: Id,
  date: LocalDate,
  topic: z.string(),
  planTopicId: Id.nullable(),
});
export type LessonTopicEntry = z.infer<typeof LessonTopicEntry>;

/** What the journal holds for one lesson. */
export const JournalLessonHoldings = z.object({
  lessonId: Id,
  marks: z.number().int(),
  deletedMarks: z.number().int(),
  topic: z.boolean(),
  homework: z.boolean(),
});
export type JournalLessonHoldings = z.infer<typeof JournalLessonHoldings>;
