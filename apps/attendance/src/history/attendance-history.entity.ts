import { Column, Entity } from 'typeorm';
import { HistoryRecordEntity } from '#platform';

/** One change of a student's attendance at a lesson (R-MARK-7); append-only. */
@Entity({ name: 'attendance_history' })
export class AttendanceHistoryEntity extends HistoryRecordEntity {
  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId!: string;
}
