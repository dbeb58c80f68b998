import { z } from 'zod';
import { Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';

/** Absent (Н) or late (ОП); "present" removes an entry (R-ATT-1). */
export const AttendanceStatus = z.enum(['present', 'absent', 'late']);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;
/** Illness (Б), excused (УП), unexcused. */
export const AbsenceReason = z.enum(['illness', 'excused', 'unexcused']);
export type AbsenceReason = z.infer<typeof AbsenceReason>;

const Instant = z.iso.datetime({ offset: true });

export const AttendanceEntry = z.object({
  lessonId: Id,
  studentId: Id,
  status: AttendanceStatus,
  reason: AbsenceReason.nullable(),
  minutesLate: z.number().int().min(1).max(90).nullable(),
  recordedAt: Instant,
  /** The person who recorded it (a substitute under their own name); null for the system (imports). */
  recordedBy: Id.nullable(),
  /**
   * The class teacher who confirmed the reason — themselves, by a date range, or by accepting a parent's notice — and
   * when (R-ATT-1); null while the reason is only the subject teacher's. Events before confirmations existed lack it.
   */
  reasonConfirmedBy: Id.nullable().default(null),
  reasonConfirmedAt: Instant.nullable().default(null),
  /** Grows with every change of the student's attendance at the lesson; 0: nothing was ever recorded (present). */
  version: z.number().int().min(0),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;

/** One change of a student's attendance at a lesson, as the append-only history keeps it (R-MARK-7). */
export const AttendanceChange = z.object({
  studentId: Id,
  /** `deleted`: marked present again, the absence or lateness removed; `imported`: loaded from another system. */
  action: z.enum(['created', 'updated', 'deleted', 'imported']),
  oldValue: AttendanceEntry.nullable(),
  newValue: AttendanceEntry.nullable(),
  /** The real actor (the substitute, the class teacher, the administrator); null for the system. */
  actorId: Id.nullable(),
  at: Instant,
  /** Why, when it was said: the class teacher's comment, or `absence-notice:<id>` for a parent's accepted notice. */
  reason: z.string().nullable(),
});
export type AttendanceChange = z.infer<typeof AttendanceChange>;

/** What a parent gives as the reason of a child's absence; illness becomes Б, the others УП when accepted. */
export const NoticeReason = z.enum(['illness', 'family', 'other']);
export type NoticeReason = z.infer<typeof NoticeReason>;

export const NoticeStatus = z.enum(['pending', 'accepted', 'rejected']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;

/** A parent's notice of a child's absence on some days, for the class teacher to accept or reject (R-ATT-1). */
export const AbsenceNotice = z
  .object({
    id: Id,
    schoolId: Id,
    /** The child's class on the notice's first day: its class teacher decides. */
    classId: Id,
    studentId: Id,
    reason: NoticeReason,
    from: LocalDate,
    to: LocalDate,
    comment: z.string().nullable(),
    sentBy: Id.nullable(),
    sentAt: Instant,
    status: NoticeStatus,
    decidedBy: Id.nullable(),
    decidedAt: Instant.nullable(),
    decisionComment: z.string().nullable(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'AbsenceNotice' });
export type AbsenceNotice = z.infer<typeof AbsenceNotice>;

/** What attendance holds for one lesson: current absences and lates, and rows of history. */
export const AttendanceLessonHoldings = z.object({
  lessonId: Id,
  entries: z.number().int(),
  changes: z.number().int(),
});
export type AttendanceLessonHoldings = z.infer<typeof AttendanceLessonHoldings>;
