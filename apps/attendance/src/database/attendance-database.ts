import type { ServiceDatabase } from '#platform';
import { AttendanceEntryEntity } from '../entries/attendance-entry.entity.js';
import { AttendanceHistoryEntity } from '../history/attendance-history.entity.js';
import { AttendanceInitial1764806400000 } from './migrations/1764806400000-attendance-initial.js';

export function attendanceDatabase(url: string): ServiceDatabase {
  return {
    url,
    schema: 'attendance',
    entities: [AttendanceEntryEntity, AttendanceHistoryEntity],
    migrations: [AttendanceInitial1764806400000],
  };
}
