import { z } from 'zod';
import {
  AbsenceReason,
  AttendanceEntry,
  AttendanceStatus,
  Grade,
  Id,
  JournalChange,
  JournalRpc,
  LessonStatus,
  LessonTime,
  LocalDate,
  Mark,
  MarkChangeReason,
  MarksRpc,
  PersonName,
  SubjectCode,
} from '#contracts';
import { LogQuery } from '../admin-accounts/log-query.js';

export const LessonStudent = z.object({
  studentId: Id,
  name: PersonName,
  marks: z.array(Mark),
  attendance: AttendanceEntry.nullable().meta({ description: 'Отсутствие или опоздание; null — присутствовал' }),
});

export const LessonView = z
  .object({
    lessonId: Id,
    schoolId: Id,
    pageId: Id,
    classId: Id,
    grade: Grade,
    subjectCode: SubjectCode,
    subjectName: z.string(),
    subjectMarked: z.boolean(),
    marksAllowed: z.boolean().meta({
      description: 'Ставятся ли в этом уроке отметки: нет в 1 классе (R-MARK-2) и в безотметочных предметах (R-MARK-1)',
    }),
    date: LocalDate,
    lessonNumber: z.number().int(),
    startsAt: LessonTime,
    endsAt: LessonTime,
    status: LessonStatus,
    period: z.object({ id: Id, nameRu: z.string(), closed: z.boolean() }).nullable(),
    className: z.string(),
    groupName: z.string().nullable(),
    writable: z.boolean().meta({ description: 'Может ли вошедший вносить записи в этот урок (не в закрытом периоде и не в отменённом уроке)' }),
    topic: z.string().nullable(),
    homework: z.string().nullable(),
    planTopicId: Id.nullable().meta({ description: 'Тема КТП, с которой связан урок (R-PLAN-3)' }),
    version: z.number().int().meta({ description: 'Версия записи урока (ETag); 0 — ничего не записано' }),
    students: z.array(LessonStudent),
  })
  .meta({ id: 'Lesson' });
export type LessonView = z.infer<typeof LessonView>;

export const LessonContentBody = JournalRpc.saveLessonContent.request
  .omit({ lessonId: true, expectedVersion: true })
  .meta({ id: 'LessonContentInput' });
export type LessonContentBody = z.infer<typeof LessonContentBody>;

export const LessonContentView = z
  .object({
    lessonId: Id,
    topic: z.string().nullable(),
    homework: z.string().nullable(),
    planTopicId: Id.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'LessonContent' });
export type LessonContentView = z.infer<typeof LessonContentView>;

export const MarkBody = JournalRpc.addMark.request.omit({ lessonId: true }).meta({ id: 'MarkInput' });
export type MarkBody = z.infer<typeof MarkBody>;

/** A mark as it should be now: value, kind of work and comment (no comment clears it), and why it changed. */
export const MarkUpdateBody = MarksRpc.update.request
  .omit({ lessonId: true, markId: true, expectedVersion: true })
  .meta({ id: 'MarkUpdateInput' });
export type MarkUpdateBody = z.infer<typeof MarkUpdateBody>;

export const MarkDeleteQuery = z.object({ reason: MarkChangeReason.optional() });

export const LessonHistoryQuery = z.object({ studentId: Id.optional().meta({ description: 'Только изменения отметок одного ученика' }) });

export const LessonHistoryView = z.object({ changes: z.array(JournalChange) }).meta({ id: 'LessonHistory' });
export type LessonHistoryView = z.infer<typeof LessonHistoryView>;

export const PageHistoryQuery = LogQuery.extend({
  studentId: Id.optional().meta({ description: 'Только изменения отметок одного ученика' }),
  from: LocalDate.optional().meta({ description: 'Изменения, сделанные с этого дня (часовой пояс школы)' }),
  to: LocalDate.optional().meta({ description: 'Изменения, сделанные по этот день включительно' }),
});
export type PageHistoryQuery = z.infer<typeof PageHistoryQuery>;

export const PageHistoryView = z
  .object({ changes: z.array(JournalChange), next: z.string().nullable().meta({ description: 'Курсор следующей страницы (before)' }) })
  .meta({ id: 'PageHistory' });
export type PageHistoryView = z.infer<typeof PageHistoryView>;

/** The attendance service checks the combinations (reason only for absence, minutes only for lateness). */
export const AttendanceBody = z
  .object({
    status: AttendanceStatus,
    reason: AbsenceReason.nullable().default(null),
    minutesLate: z.number().int().min(1).max(90).nullable().default(null),
  })
  .meta({ id: 'AttendanceInput' });
export type AttendanceBody = z.infer<typeof AttendanceBody>;

export const LessonParams = z.object({ lessonId: Id });
export const AttendanceParams = z.object({ lessonId: Id, studentId: Id });
export const MarkParams = z.object({ lessonId: Id, markId: Id });
export const PageParams = z.object({ pageId: Id });
