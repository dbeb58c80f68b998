import { z } from 'zod';
import { AttendanceEntry } from '../attendance/attendance.models.js';
import { LessonRecord } from './journal.models.js';

/**
 * A lesson column as saved: the lesson record (topic, homework, plan topic, version) with its current marks, and the
 * lesson's attendance: every student absent or late, and every student the column wrote (present ones with their
 * version).
 */
export const LessonColumn = LessonRecord.extend({
  attendance: z.array(AttendanceEntry),
}).meta({ id: 'LessonColumn' });
export type LessonColumn = z.infer<typeof LessonColumn>;

/** Whether the journal committed a column: `aborted` once it never can (the answer fences a late commit out). */
export const LessonColumnStatus = z.enum(['committed', 'aborted']);
export type LessonColumnStatus = z.infer<typeof LessonColumnStatus>;
