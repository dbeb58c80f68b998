import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../database/bulk-insert.js';
import type { AttendanceHistoryAction } from './attendance-history.entity.js';

export interface AttendanceChange {
  lessonId: string;
  studentId: string;
  action: AttendanceHistoryAction;
  oldValue: unknown;
  newValue: unknown;
  actorId: string | null;
  at: Date;
  reason?: string | null;
}

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** Appends changes to the attendance history in the caller's transaction (R-MARK-7). */
@Injectable()
export class AttendanceHistoryWriter {
  async append(manager: EntityManager, changes: readonly AttendanceChange[]): Promise<void> {
    await bulkInsert<AttendanceChange>(
      manager,
      'attendance_history',
      [
        { name: 'lesson_id', type: 'uuid', value: (change) => change.lessonId },
        { name: 'student_id', type: 'uuid', value: (change) => change.studentId },
        { name: 'action', type: 'text', value: (change) => change.action },
        { name: 'old_value', type: 'jsonb', value: (change) => json(change.oldValue) },
        { name: 'new_value', type: 'jsonb', value: (change) => json(change.newValue) },
        { name: 'actor_id', type: 'uuid', value: (change) => change.actorId },
        { name: 'at', type: 'timestamptz', value: (change) => change.at.toISOString() },
        { name: 'reason', type: 'text', value: (change) => change.reason ?? null },
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
