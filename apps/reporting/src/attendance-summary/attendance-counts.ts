import type { AttendanceCounts } from '#contracts';
import { attendanceShare } from '#domain';

/** The counts of one student (or a sum of them) as the SQL gives them. */
export interface CountsRow {
  lessons: number;
  absences: number;
  illness: number;
  excused: number;
  unexcused: number;
  unspecified: number;
  late: number;
}

export const NO_COUNTS: CountsRow = { lessons: 0, absences: 0, illness: 0, excused: 0, unexcused: 0, unspecified: 0, late: 0 };

export function addCounts(left: CountsRow, right: CountsRow): CountsRow {
  return {
    lessons: left.lessons + right.lessons,
    absences: left.absences + right.absences,
    illness: left.illness + right.illness,
    excused: left.excused + right.excused,
    unexcused: left.unexcused + right.unexcused,
    unspecified: left.unspecified + right.unspecified,
    late: left.late + right.late,
  };
}

/** The counts with the share of lessons attended, computed by the one rule every view uses (R-ATT-1). */
export function toAttendanceCounts(row: CountsRow): AttendanceCounts {
  const attended = row.lessons - row.absences;
  return {
    lessons: row.lessons,
    attended,
    absences: row.absences,
    absencesByReason: { illness: row.illness, excused: row.excused, unexcused: row.unexcused, unspecified: row.unspecified },
    late: row.late,
    share: attendanceShare(attended, row.lessons),
  };
}
