import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type AttendanceSummaryRpc,
  type ClassAttendance,
  DomainError,
  ErrorCode,
  type RpcRequest,
  type StudentAttendance,
} from '#contracts';
import { schoolDateAt } from '#domain';
import { Clock } from '#platform';
import { type PersonColumns, toPersonName } from '../common/person-row.js';
import { compareNames } from '../common/russian-order.js';
import { type PeriodColumns, toPeriodRef } from '../periods/period-ref.js';
import { addCounts, type CountsRow, NO_COUNTS, toAttendanceCounts } from './attendance-counts.js';
import {
  CLASS_COUNTS_SQL,
  CLASS_PERIOD_BY_ID_SQL,
  CLASS_PERIOD_ON_DATE_SQL,
  STUDENT_COUNTS_SQL,
  STUDENT_PERIOD_BY_ID_SQL,
  STUDENT_PERIOD_ON_DATE_SQL,
} from './attendance-summary-sql.js';

type Zoned = PeriodColumns & { time_zone: string | null };

/**
 * Attendance over a period's lessons held so far (R-ATT-1), from the read model: lessons not cancelled, up to the end
 * of the period or today in the school's zone, whichever is earlier; absences by reason, lates, and the share of
 * lessons attended (a late student attended), computed exactly and rounded once by the domain's one rule.
 */
@Injectable()
export class AttendanceSummaryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async ofStudent(request: RpcRequest<typeof AttendanceSummaryRpc.ofStudent>): Promise<StudentAttendance> {
    const [found] = request.periodId
      ? await this.dataSource.query<Array<PersonColumns & Zoned>>(STUDENT_PERIOD_BY_ID_SQL, [request.studentId, request.periodId])
      : await this.dataSource.query<Array<PersonColumns & Zoned>>(STUDENT_PERIOD_ON_DATE_SQL, [request.studentId, request.date]);
    if (!found) throw new DomainError(ErrorCode.NotFound, 'Ученик не найден');
    const period = toPeriodRef(found, request);
    const heldUntil = this.heldUntil(period.end, found.time_zone);
    const [counts] = await this.dataSource.query<CountsRow[]>(STUDENT_COUNTS_SQL, [request.studentId, period.start, heldUntil]);
    return {
      studentId: request.studentId,
      name: toPersonName(found),
      period,
      heldUntil,
      totals: toAttendanceCounts(counts ?? NO_COUNTS),
    };
  }

  async ofClass(request: RpcRequest<typeof AttendanceSummaryRpc.ofClass>): Promise<ClassAttendance> {
    const [found] = request.periodId
      ? await this.dataSource.query<Array<{ name: string } & Zoned>>(CLASS_PERIOD_BY_ID_SQL, [request.classId, request.periodId])
      : await this.dataSource.query<Array<{ name: string } & Zoned>>(CLASS_PERIOD_ON_DATE_SQL, [request.classId, request.date]);
    if (!found) throw new DomainError(ErrorCode.NotFound, 'Класс не найден');
    const period = toPeriodRef(found, request);
    const heldUntil = this.heldUntil(period.end, found.time_zone);
    const rows = await this.dataSource.query<Array<CountsRow & PersonColumns & { student_id: string }>>(CLASS_COUNTS_SQL, [
      request.classId,
      period.start,
      heldUntil,
      period.end,
    ]);
    const students = rows
      .map((row) => ({ studentId: row.student_id, name: toPersonName(row), totals: toAttendanceCounts(row) }))
      .sort((left, right) => compareNames(left.name, right.name) || left.studentId.localeCompare(right.studentId));
    // The class's share is over all its students' lessons together, not an average of their shares.
    const totals = toAttendanceCounts(rows.reduce<CountsRow>(addCounts, NO_COUNTS));
    return { classId: request.classId, className: found.name, period, heldUntil, totals, students };
  }

  /** The last day whose lessons count: the period's end, or today in the school's zone if earlier (R-CAL-2). */
  private heldUntil(periodEnd: string, timeZone: string | null): string {
    if (!timeZone) return periodEnd;
    const today = schoolDateAt(this.clock.now(), timeZone);
    return today < periodEnd ? today : periodEnd;
  }
}
