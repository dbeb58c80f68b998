import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AttendanceHistoryAction = 'created' | 'updated' | 'deleted' | 'imported';

/** One change of a student's attendance at a lesson (R-MARK-7); append-only. */
@Entity({ name: 'attendance_history' })
export class AttendanceHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId!: string;

  @Column('text')
  action!: AttendanceHistoryAction;

  @Column({ name: 'old_value', type: 'jsonb', nullable: true })
  oldValue!: unknown;

  @Column({ name: 'new_value', type: 'jsonb', nullable: true })
  newValue!: unknown;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
