import { z } from 'zod';
import { Id } from '../common/ids.js';
import { MarkValue } from './journal.models.js';

const Instant = z.iso.datetime({ offset: true });

/** A mark as its history shows it: what a change of a mark changes. */
export const MarkSnapshot = z.object({
  value: MarkValue,
  workKind: z.string(),
  comment: z.string().nullable(),
  version: z.number().int().min(1),
});
export type MarkSnapshot = z.infer<typeof MarkSnapshot>;

/** The content of a lesson as its history shows it: topic, homework and the plan topic it is linked to (R-PLAN-3). */
export const LessonContentSnapshot = z.object({
  topic: z.string().nullable(),
  homework: z.string().nullable(),
  planTopicId: Id.nullable(),
  version: z.number().int().min(0),
});
export type LessonContentSnapshot = z.infer<typeof LessonContentSnapshot>;

const ChangeCommon = {
  /** The change's place in the journal's history: the cursor of the page history. */
  id: z.string(),
  lessonId: Id,
  pageId: Id,
  /** `imported`: loaded from another system; `deleted`: the mark left the journal and stays only here. */
  action: z.enum(['created', 'updated', 'deleted', 'imported']),
  /** The real actor: the teacher, the lesson's substitute, an administrator; null for the system. */
  actorId: Id.nullable(),
  at: Instant,
  /** Made after the lesson's day in the school's time zone (R-MARK-3); null where that was not recorded. */
  late: z.boolean().nullable(),
  reason: z.string().nullable(),
};

/** One change of a mark or of a lesson's content (R-MARK-7): who, when, the old and the new value, why. */
export const JournalChange = z
  .discriminatedUnion('entity', [
    z.object({
      entity: z.literal('mark'),
      markId: Id,
      studentId: Id,
      oldValue: MarkSnapshot.nullable(),
      newValue: MarkSnapshot.nullable(),
      ...ChangeCommon,
    }),
    z.object({
      entity: z.literal('lesson-content'),
      oldValue: LessonContentSnapshot.nullable(),
      newValue: LessonContentSnapshot.nullable(),
      ...ChangeCommon,
    }),
  ])
  .meta({ id: 'JournalChange' });
export type JournalChange = z.infer<typeof JournalChange>;
