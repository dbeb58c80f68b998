import { z } from 'zod';
import { Id, SubjectCode } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';

/** A lesson number of the day (0 is the "zero" lesson before the first). */
export const LessonNumber = z.number().int().min(0).max(10).meta({ description: 'Номер урока в день' });

/** Why a lesson was changed: a line the deputy writes for the change log. */
export const ChangeReason = z.string().trim().min(1).max(500).meta({ description: 'Причина изменения (для журнала изменений)' });

/**
 * What happened to a lesson of the calendar: one-off changes on a date by the school's deputy or director (cancelled,
 * moved, a substitute assigned or removed, an extra lesson added) and lessons removed when the lesson calendar was
 * regenerated after the weekly timetable changed (R-PLAN-3).
 */
export const LessonChangeKind = z.enum(['cancelled', 'moved', 'substituted', 'substitute-removed', 'added', 'removed']);
export type LessonChangeKind = z.infer<typeof LessonChangeKind>;

export const LessonSlot = z.object({ date: LocalDate, lessonNumber: z.number().int() });
export type LessonSlot = z.infer<typeof LessonSlot>;

/** One entry of the change log: who changed which lesson, when, how and why. */
export const LessonChange = z
  .object({
    id: Id,
    schoolId: Id,
    yearId: Id,
    lessonId: Id,
    pageId: Id,
    classId: Id,
    subjectCode: SubjectCode,
    kind: LessonChangeKind,
    /** The lesson's place after the change (a removed lesson: where it was). */
    date: LocalDate,
    lessonNumber: z.number().int(),
    /** A moved lesson: where it was before. */
    movedFrom: LessonSlot.nullable(),
    /** The substitute assigned (`substituted`) or the one whose substitution ended (`substitute-removed`). */
    substituteId: Id.nullable(),
    reason: z.string().nullable(),
    /** The person who made the change; null for the system. */
    actorId: Id.nullable(),
    at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'LessonChange' });
export type LessonChange = z.infer<typeof LessonChange>;

/** A lesson of the calendar as a regeneration names it; the id is null for a lesson a dry run would add. */
export const LessonRef = z.object({
  lessonId: Id.nullable(),
  pageId: Id,
  classId: Id,
  subjectCode: SubjectCode,
  date: LocalDate,
  lessonNumber: z.number().int(),
});
export type LessonRef = z.infer<typeof LessonRef>;

/** What the journal and attendance hold for a lesson: a lesson holding anything is never silently dropped. */
export const LessonHoldings = z.object({
  /** Current marks. */
  marks: z.number().int(),
  /** Deleted marks, kept in the history (R-MARK-7). */
  deletedMarks: z.number().int(),
  topic: z.boolean(),
  homework: z.boolean(),
  /** Current absences and lates. */
  attendance: z.number().int(),
  /** Changes of attendance kept in its history (an absence later corrected to present leaves one). */
  attendanceChanges: z.number().int(),
});
export type LessonHoldings = z.infer<typeof LessonHoldings>;

/**
 * The difference between the lesson calendar and the weekly timetable from a date on (R-PLAN-3). Lists hold at most
 * REGENERATION_LIST_LIMIT lessons each; the counts are complete.
 */
export const TimetableRegeneration = z
  .object({
    yearId: Id,
    from: LocalDate,
    /** False for a dry run: nothing was changed. */
    applied: z.boolean(),
    addedCount: z.number().int(),
    added: z.array(LessonRef),
    removedCount: z.number().int(),
    /** Lessons that no longer fit the timetable and hold nothing: removed from the calendar. */
    removed: z.array(LessonRef),
    /** Lessons that no longer fit the timetable but hold records: kept where they are, to be resolved by people. */
    conflicts: z.array(LessonRef.extend({ lessonId: Id, holds: LessonHoldings })),
    /**
     * Lessons of the timetable not added because the class (or the group) already has a lesson kept at that time: a
     * moved or extra lesson, or a conflict. A later regeneration adds them once the place is free.
     */
    blocked: z.array(LessonRef.extend({ blockedBy: Id })),
  })
  .meta({ id: 'TimetableRegeneration' });
export type TimetableRegeneration = z.infer<typeof TimetableRegeneration>;

export const REGENERATION_LIST_LIMIT = 1_000;
