import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, type MunicipalAttendanceFeed, type MunicipalAttendanceQuery } from '#contracts';

interface DayRow {
  class_id: string;
  class_name: string;
  date: string;
  enrolled: number;
  absent: number;
  illness: number;
  excused: number;
  unexcused: number;
  unspecified: number;
  late: number;
  changed: string;
}

// The class-days of the range with attendance entered (and, with $4, changed after that instant); for each, the
// students absent from at least one lesson (by reason) and late to at least one, counted over the day's entries.
// 'present' rows are corrections back to present: they count nowhere, but their change brings the day back.
const DAYS_SQL = `
  WITH changed AS (
    SELECT DISTINCT l.class_id, l.lesson_date
    FROM attendance_entry a JOIN lesson l ON l.id = a.lesson_id
    WHERE l.school_id = $1 AND l.lesson_date BETWEEN $2::date AND $3::date
      AND ($4::timestamptz IS NULL OR a.updated_at > $4::timestamptz)
  ),
  entries AS (
    SELECT l.class_id, l.lesson_date, a.student_id, a.status, a.reason, a.updated_at
    FROM changed ch
    JOIN lesson l ON l.class_id = ch.class_id AND l.lesson_date = ch.lesson_date AND l.school_id = $1
    JOIN attendance_entry a ON a.lesson_id = l.id
  )
  SELECT ch.class_id, c.name AS class_name, ch.lesson_date::text AS date,
    (SELECT count(DISTINCT e.student_id)::int FROM enrollment e
     WHERE e.class_id = ch.class_id AND e.date_from <= ch.lesson_date AND (e.date_to IS NULL OR e.date_to >= ch.lesson_date)) AS enrolled,
    count(DISTINCT x.student_id) FILTER (WHERE x.status = 'absent')::int AS absent,
    count(DISTINCT x.student_id) FILTER (WHERE x.status = 'absent' AND x.reason = 'illness')::int AS illness,
    count(DISTINCT x.student_id) FILTER (WHERE x.status = 'absent' AND x.reason = 'excused')::int AS excused,
    count(DISTINCT x.student_id) FILTER (WHERE x.status = 'absent' AND x.reason = 'unexcused')::int AS unexcused,
    count(DISTINCT x.student_id) FILTER (WHERE x.status = 'absent' AND x.reason IS NULL)::int AS unspecified,
    count(DISTINCT x.student_id) FILTER (WHERE x.status = 'late')::int AS late,
    to_char(max(x.updated_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS changed
  FROM changed ch
  JOIN school_class c ON c.id = ch.class_id
  JOIN entries x ON x.class_id = ch.class_id AND x.lesson_date = ch.lesson_date
  GROUP BY ch.class_id, c.name, ch.lesson_date
  ORDER BY ch.lesson_date, c.name, ch.class_id`;

/** At most a school year in one request. */
const MAX_DAYS = 400;

/**
 * The municipal portal's attendance feed (R-REP-5): per class and day of a school, how many students were absent (by
 * reason) and late. Delta pulls: `since` = the `cursor` of the previous pull answers only the class-days whose
 * attendance changed after it, each with its full counts, to be replaced by the portal.
 */
@Injectable()
export class MunicipalAttendanceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async feed(query: MunicipalAttendanceQuery): Promise<MunicipalAttendanceFeed> {
    if (query.from > query.to) throw new DomainError(ErrorCode.ValidationFailed, 'Начало периода позже его конца');
    if ((Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 > MAX_DAYS) {
      throw new DomainError(ErrorCode.ValidationFailed, `Не больше ${MAX_DAYS} дней за один запрос`);
    }
    const rows = await this.dataSource.query<DayRow[]>(DAYS_SQL, [query.schoolId, query.from, query.to, query.since ?? null]);
    const cursor = rows.map((row) => row.changed).sort().at(-1) ?? query.since ?? null;
    return {
      schoolId: query.schoolId,
      total: rows.length,
      cursor,
      days: rows.slice(query.offset, query.offset + query.limit).map((row) => ({
        classId: row.class_id,
        className: row.class_name,
        date: row.date,
        enrolled: row.enrolled,
        absent: row.absent,
        absentByReason: { illness: row.illness, excused: row.excused, unexcused: row.unexcused, unspecified: row.unspecified },
        late: row.late,
        dateLastModified: row.changed,
      })),
    };
  }
}
