import type { ServiceDatabase } from '#platform';
import { ColumnReservationEntryEntity } from '../column/column-reservation-entry.entity.js';
import { ColumnReservationEntity } from '../column/column-reservation.entity.js';
import { AttendanceEntryEntity } from '../entries/attendance-entry.entity.js';
import { AttendanceHistoryEntity } from '../history/attendance-history.entity.js';
import { AbsenceNoticeHistoryEntity } from '../notices/absence-notice-history.entity.js';
import { AbsenceNoticeEntity } from '../notices/absence-notice.entity.js';
import { AbsenceExcuseEntity } from '../reasons/absence-excuse.entity.js';
import { AttendanceInitial1764806400000 } from './migrations/1764806400000-attendance-initial.js';
import { AttendanceReasonsNotices1764900300000 } from './migrations/1764900300000-attendance-reasons-notices.js';
import { AttendanceColumnReservations1764900600100 } from './migrations/1764900600100-attendance-column-reservations.js';
import { AttendanceSchoolTransfer1764901430000 } from './migrations/1764901430000-attendance-school-transfer.js';

export function attendanceDatabase(url: string): ServiceDatabase {
  return {
    url,
    schema: 'attendance',
    entities: [
      AttendanceEntryEntity,
      AttendanceHistoryEntity,
      AbsenceNoticeEntity,
      AbsenceNoticeHistoryEntity,
      AbsenceExcuseEntity,
      ColumnReservationEntity,
      ColumnReservationEntryEntity,
    ],
    migrations: [AttendanceInitial1764806400000, AttendanceReasonsNotices1764900300000, AttendanceColumnReservations1764900600100, AttendanceSchoolTransfer1764901430000],
  };
}
