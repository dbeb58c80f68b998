import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AttendanceEntry } from '#contracts';
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

  /**
   * The last value this entry had, also when it was deleted since ("present", with its version); null if it never
   * existed. Values written before reasons could be confirmed read with no confirmation.
   */
  async lastValue(manager: EntityManager, lessonId: string, studentId: string): Promise<AttendanceEntry | null> {
    const [row] = await manager.query<Array<{ new_value: unknown }>>(
      `SELECT new_value FROM attendance_history
       WHERE lesson_id = $1 AND student_id = $2 AND new_value IS NOT NULL
       ORDER BY id DESC LIMIT 1`,
      [lessonId, studentId],
    );
    return row ? AttendanceEntry.parse(row.new_value) : null;
  }
}
