import { z } from 'zod';
import { Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { AbsenceNotice } from './attendance.models.js';
import { NoticeReason, NoticeStatus } from './attendance.models.js';

/** The longest absence one notice may cover, in days (both ends included). */
export const NOTICE_MAX_DAYS = 92;

const DAY_MS = 86_400_000;

function daysCovered(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
}

/** What a parent says in a notice (dates in order and at most NOTICE_MAX_DAYS apart, checked by `send`). */
export const AbsenceNoticeInput = z.object({
  reason: NoticeReason,
  from: LocalDate,
  to: LocalDate,
  comment: z.string().trim().max(1_000).nullable().default(null),
});

/** Parents' notices of their children's absences, decided by the class teacher (R-ATT-1). */
export const AbsenceNoticesRpc = {
  /** A parent tells the class teacher their child is (or was, or will be) absent on some days. */
  send: defineRpc<AbsenceNotice>()(
    'attendance.notices.send',
    AbsenceNoticeInput.extend({ studentId: Id })
      .refine((notice) => notice.from <= notice.to, { message: 'Дата начала позже даты окончания', path: ['to'] })
      .refine((notice) => daysCovered(notice.from, notice.to) <= NOTICE_MAX_DAYS, {
        message: `Одно уведомление охватывает не больше ${NOTICE_MAX_DAYS} дней`,
        path: ['to'],
      }),
  ),
  /** A student's notices, newest first: for their parents, their class teacher and the school's management. */
  ofStudent: defineRpc<{ notices: AbsenceNotice[] }>()('attendance.notices.of-student', z.object({ studentId: Id })),
  /** The notices about a class's students, newest first (optionally only those with a status). */
  ofClass: defineRpc<{ notices: AbsenceNotice[] }>()(
    'attendance.notices.of-class',
    z.object({ classId: Id, status: NoticeStatus.optional() }),
  ),
  /**
   * The class teacher accepts or rejects a pending notice; accepting sets the reason of the child's absences on those
   * days (illness → Б, otherwise УП), also of absences recorded later.
   */
  decide: defineRpc<AbsenceNotice>()(
    'attendance.notices.decide',
    z.object({
      noticeId: Id,
      studentId: Id,
      decision: z.enum(['accepted', 'rejected']),
      comment: z.string().trim().max(1_000).nullable().default(null),
    }),
  ),
} as const;
