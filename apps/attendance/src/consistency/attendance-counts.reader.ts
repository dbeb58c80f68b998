import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ConsistencyCounts } from '#contracts';

/**
 * Attendance's own totals of a school: absences by reason (none given yet: `unstated`) and lates on the school's pages
 * (an entry keeps no school); reporting computes the same from its read model (issue 6, item 7).
 */
const COUNTS_SQL = `
  SELECT count(*) FILTER (WHERE status = 'absent' AND reason = 'illness')::int AS "attendance.absent.illness",
         count(*) FILTER (WHERE status = 'absent' AND reason = 'excused')::int AS "attendance.absent.excused",
         count(*) FILTER (WHERE status = 'absent' AND reason = 'unexcused')::int AS "attendance.absent.unexcused",
         count(*) FILTER (WHERE status = 'absent' AND reason IS NULL)::int AS "attendance.absent.unstated",
         count(*) FILTER (WHERE status = 'late')::int AS "attendance.late"
    FROM attendance_entry WHERE page_id = ANY($1::uuid[])`;

@Injectable()
export class AttendanceCountsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(pageIds: readonly string[]): Promise<{ counts: ConsistencyCounts }> {
    const [counts] = await this.dataSource.query<ConsistencyCounts[]>(COUNTS_SQL, [pageIds]);
    return { counts: counts! };
  }
}
