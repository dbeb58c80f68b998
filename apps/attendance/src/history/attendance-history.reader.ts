import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttendanceChange, type AttendanceRpc, type RpcRequest } from '#contracts';
import { LessonAccess } from '#lesson-access';
import { AttendanceHistoryEntity } from './attendance-history.entity.js';

/** The attendance history of a lesson, for those who may read the lesson (R-MARK-7). */
@Injectable()
export class AttendanceHistoryReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LessonAccess,
  ) {}

  /** Every change, oldest first: who (the real actor), when, the old and the new value, why; deletions included. */
  async ofLesson(request: RpcRequest<typeof AttendanceRpc.lessonHistory>): Promise<{ changes: AttendanceChange[] }> {
    await this.access.forReading(request.lessonId, 'lessons.attendance.history.read');
    const rows = await this.dataSource.getRepository(AttendanceHistoryEntity).find({
      where: { lessonId: request.lessonId, ...(request.studentId ? { studentId: request.studentId } : {}) },
      order: { id: 'ASC' },
    });
    return {
      changes: rows.map((row) =>
        // Values recorded before reasons could be confirmed read with no confirmation.
        AttendanceChange.parse({
          studentId: row.studentId,
          action: row.action,
          oldValue: row.oldValue,
          newValue: row.newValue,
          actorId: row.actorId,
          at: row.at.toISOString(),
          reason: row.reason,
        }),
      ),
    };
  }
}
