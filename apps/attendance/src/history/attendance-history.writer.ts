import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { appendHistory, type HistoryChange } from '#platform';

export interface AttendanceChange extends HistoryChange {
  lessonId: string;
  studentId: string;
}

/** Appends changes to the attendance history in the caller's transaction (R-MARK-7). */
@Injectable()
export class AttendanceHistoryWriter {
  async append(manager: EntityManager, changes: readonly AttendanceChange[]): Promise<void> {
    await appendHistory<AttendanceChange>(
      manager,
      'attendance_history',
      [
        { name: 'lesson_id', type: 'uuid', value: (change) => change.lessonId },
        { name: 'student_id', type: 'uuid', value: (change) => change.studentId },
      ],
      changes,
    );
  }

  /** The version of the last value this entry had, also when the entry was deleted since; 0 if it never existed. */
  async lastVersion(manager: EntityManager, lessonId: string, studentId: string): Promise<number> {
    const [row] = await manager.query<Array<{ version: number }>>(
      `SELECT coalesce(max((new_value ->> 'version')::int), 0) AS version
       FROM attendance_history WHERE lesson_id = $1 AND student_id = $2`,
      [lessonId, studentId],
    );
    return row?.version ?? 0;
  }
}
