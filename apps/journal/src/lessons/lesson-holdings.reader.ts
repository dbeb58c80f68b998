import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JournalLessonHoldings } from '#contracts';

/**
 * Per lesson: current and deleted marks, and whether a topic or homework is recorded; only lessons the journal has a
 * record or a mark of.
 */
const HOLDINGS_SQL = `
  WITH asked AS (SELECT DISTINCT unnest($1::uuid[]) AS lesson_id),
  marks AS (
    SELECT m.lesson_id, count(*) FILTER (WHERE m.deleted_at IS NULL)::int AS marks,
           count(*) FILTER (WHERE m.deleted_at IS NOT NULL)::int AS deleted_marks
      FROM mark m JOIN asked a ON a.lesson_id = m.lesson_id
     GROUP BY m.lesson_id
  )
  SELECT a.lesson_id AS "lessonId", COALESCE(m.marks, 0) AS marks, COALESCE(m.deleted_marks, 0) AS "deletedMarks",
         r.topic IS NOT NULL AS topic, r.homework IS NOT NULL AS homework
    FROM asked a
    LEFT JOIN marks m ON m.lesson_id = a.lesson_id
    LEFT JOIN lesson_record r ON r.lesson_id = a.lesson_id
   WHERE m.lesson_id IS NOT NULL OR r.lesson_id IS NOT NULL
   ORDER BY a.lesson_id`;

/** What the journal holds for lessons, so that planning never drops a conducted one (R-PLAN-3, R-MARK-7). */
@Injectable()
export class LessonHoldingsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(lessonIds: string[]): Promise<{ lessons: JournalLessonHoldings[] }> {
    if (lessonIds.length === 0) return { lessons: [] };
    return { lessons: await this.dataSource.query<JournalLessonHoldings[]>(HOLDINGS_SQL, [lessonIds]) };
  }
}
