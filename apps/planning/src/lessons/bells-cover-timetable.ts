import type { EntityManager } from 'typeorm';
import { type Bell, DomainError, ErrorCode } from '#contracts';

/** Refuses to place lessons of a timetable that uses lesson numbers the school has no bells for. */
export async function assertBellsCoverTimetable(manager: EntityManager, yearId: string, bells: Bell[]): Promise<void> {
  const rows = await manager.query<Array<{ lessonNumber: number }>>(
    `SELECT DISTINCT lesson_number AS "lessonNumber" FROM timetable_slot
      WHERE year_id = $1 AND NOT (lesson_number = ANY($2::smallint[])) ORDER BY 1`,
    [yearId, bells.map((bell) => bell.lessonNumber)],
  );
  if (rows.length > 0) {
    const numbers = rows.map((row) => row.lessonNumber);
    throw new DomainError(ErrorCode.ValidationFailed, `Нет звонков для уроков: ${numbers.join(', ')}`, { lessonNumbers: numbers });
  }
}
