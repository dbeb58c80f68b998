import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AttendanceLessonHoldings } from '#contracts';

/** Per lesson: current absences and lates, and rows of history; only lessons holding anything. */
const HOLDINGS_SQL = `
  WITH asked AS (SELECT DISTINCT unnest($1::uuid[]) AS lesson_id),
  entries AS (
    SELECT e.lesson_id, count(*)::int AS entries FROM attendance_entry e JOIN asked a ON a.lesson_id = e.lesson_id
     GROUP BY e.lesson_id
  ),
  changes AS (
    SELECT h.lesson_id, count(*)::int AS changes FROM attendance_history h JOIN asked a ON a.lesson_id = h.lesson_id
     GROUP BY h.lesson_id
  )
  SELECT a.lesson_id AS "lessonId", COALESCE(e.entries, 0) AS entries, COALESCE(c.changes, 0) AS changes
    FROM asked a
    LEFT JOIN entries e ON e.lesson_id = a.lesson_id
    LEFT JOIN changes c ON c.lesson_id = a.lesson_id
   WHERE e.lesson_id IS NOT NULL OR c.lesson_id IS NOT NULL
   ORDER BY a.lesson_id`;

/** What attendance holds for lessons, so that planning never drops a conducted one (R-PLAN-3, R-MARK-7). */
@Injectable()
export class LessonHoldingsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(lessonIds: string[]): Promise<{ lessons: AttendanceLessonHoldings[] }> {
    if (lessonIds.length === 0) return { lessons: [] };
    return { lessons: await this.dataSource.query<AttendanceLessonHoldings[]>(HOLDINGS_SQL, [lessonIds]) };
  }
}
