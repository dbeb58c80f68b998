import { z } from 'zod';
import { Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { LESSONS_PER_RECORDS_QUERY } from '../common/records-query.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { JournalLessonHoldings, LessonRecord, LessonTopicEntry, Mark } from './journal.models.js';
import { MarkValue } from './journal.models.js';

const Topic = z.string().trim().min(1).max(500);
const Homework = z.string().trim().max(2_000);

export const JournalRpc = {
  getLesson: defineRpc<LessonRecord>()('journal.lessons.get', z.object({ lessonId: Id })),
  /**
   * Of the given lessons, those the journal holds anything for (marks, also deleted ones, a topic, homework), with
   * what it holds; for planning before it drops or moves lessons (system actor only).
   */
  lessonsWithRecords: defineRpc<{ lessons: JournalLessonHoldings[] }>()(
    'journal.lessons.with-records',
    z.object({ lessonIds: z.array(Id).max(LESSONS_PER_RECORDS_QUERY) }),
  ),
  /**
   * Records the topic and homework of a lesson; only the teacher of the page on that date (R-ACC-3). With a topic of
   * the page's plan (R-PLAN-3) the lesson is linked to it, and the topic's title is the lesson's topic unless one is
   * written; without either the save is refused.
   */
  saveLessonContent: defineRpc<LessonRecord>()(
    'journal.lessons.save-content',
    z.object({
      lessonId: Id,
      topic: Topic.optional().meta({ description: 'Тема урока; без неё — название темы КТП (planTopicId)' }),
      homework: Homework.nullable().default(null),
      planTopicId: Id.nullable().default(null).meta({ description: 'Тема КТП страницы, которую проходит урок (R-PLAN-3)' }),
      expectedVersion: z.number().int().min(0).optional(),
    }),
  ),
  /**
   * The lessons of a page between two dates (both included) that have a topic, with the plan topic each is linked to
   * (R-PLAN-3); for those who read the page.
   */
  pageLessonTopics: defineRpc<{ lessons: LessonTopicEntry[] }>()(
    'journal.lessons.page-topics',
    z.object({ pageId: Id, from: LocalDate, to: LocalDate }),
  ),
  /** Adds a current mark (R-MARK-1…4); refused in grade 1 (R-MARK-2) and for unmarked subjects. */
  addMark: defineRpc<Mark>()(
    'journal.marks.add',
    z.object({
      lessonId: Id,
      studentId: Id,
      value: MarkValue,
      workKind: z.string().min(1),
      comment: z.string().trim().max(500).nullable().default(null),
    }),
  ),
  /**
   * Loads history from another system or the demo generator (system actor only): lesson records and marks as they
   * were entered then. Idempotent by lesson id: a lesson already recorded is left as it is.
   */
  importLessons: defineRpc<{ imported: number; skipped: number }>()(
    'journal.import.lessons',
    z.object({
      schoolId: Id,
      timeZone: z.string().min(1),
      lessons: z
        .array(
          z.object({
            lessonId: Id,
            pageId: Id,
            date: LocalDate,
            topic: Topic.nullable(),
            homework: Homework.nullable(),
            enteredAt: z.iso.datetime({ offset: true }),
            enteredBy: Id.nullable(),
            /** The КТП topic the lesson delivered (R-PLAN-3). */
            planTopicId: Id.nullable().optional(),
            marks: z.array(
              z.object({
                studentId: Id,
                value: MarkValue,
                workKind: z.string().min(1),
                enteredAt: z.iso.datetime({ offset: true }),
              }),
            ),
          }),
        )
        .min(1)
        .max(1_000),
    }),
  ),
} as const;
