import { z } from 'zod';
import {
  AbsenceNotice,
  AbsenceNoticeInput,
  AbsenceNoticesRpc,
  AbsenceReason,
  AttendanceChange,
  AttendanceEntry,
  Id,
  LocalDate,
  NoticeStatus,
  ReasonForDatesInput,
} from '#contracts';

export const ReasonBody = z
  .object({
    reason: AbsenceReason,
    comment: z.string().trim().max(500).nullable().default(null).meta({ description: 'Основание, например «справка»' }),
  })
  .meta({ id: 'AbsenceReasonInput' });
export type ReasonBody = z.infer<typeof ReasonBody>;

/** The attendance service checks that the dates are in order. */
export const ReasonForDatesBody = ReasonForDatesInput.meta({ id: 'AbsenceReasonForDatesInput' });
export type ReasonForDatesBody = z.infer<typeof ReasonForDatesBody>;

export const AbsencesView = z.object({ entries: z.array(AttendanceEntry) }).meta({ id: 'Absences' });
export type AbsencesView = z.infer<typeof AbsencesView>;

export const AttendanceHistoryView = z.object({ changes: z.array(AttendanceChange) }).meta({ id: 'AttendanceHistory' });
export type AttendanceHistoryView = z.infer<typeof AttendanceHistoryView>;

export const HistoryQuery = z.object({ studentId: Id.optional().meta({ description: 'Только изменения одного ученика' }) });

/** The attendance service checks the dates (in order, at most NOTICE_MAX_DAYS days). */
export const NoticeBody = AbsenceNoticeInput.meta({ id: 'AbsenceNoticeInput' });
export type NoticeBody = z.infer<typeof NoticeBody>;

export const DecisionBody = AbsenceNoticesRpc.decide.request
  .omit({ noticeId: true, studentId: true })
  .meta({ id: 'AbsenceNoticeDecisionInput' });
export type DecisionBody = z.infer<typeof DecisionBody>;

export const NoticesView = z.object({ notices: z.array(AbsenceNotice) }).meta({ id: 'AbsenceNotices' });
export type NoticesView = z.infer<typeof NoticesView>;

export const ClassNoticesQuery = z.object({ status: NoticeStatus.optional().meta({ description: 'Например pending — ждут решения' }) });

export const SummaryQuery = z.object({
  date: LocalDate.optional().meta({ description: 'День внутри периода; по умолчанию — сегодня в часовом поясе школы' }),
  periodId: Id.optional(),
});

export const LessonStudentParams = z.object({ lessonId: Id, studentId: Id });
export const LessonParams = z.object({ lessonId: Id });
export const StudentParams = z.object({ studentId: Id });
export const NoticeParams = z.object({ studentId: Id, noticeId: Id });
export const ClassParams = z.object({ classId: Id });
