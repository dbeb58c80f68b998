import { z } from 'zod';
import { defineEvent } from '../common/rpc-definition.js';
import { AttendanceEntry } from './attendance.models.js';

export const AttendanceEvents = {
  entriesSaved: defineEvent('events.attendance.entries-saved.v1', z.object({ entries: z.array(AttendanceEntry) })),
} as const;
