import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AbsenceReason } from '#contracts';

/** A student absent (Н) or late (ОП) at a lesson (R-ATT-1); `late` means recorded after the lesson's day (R-MARK-3). */
@Entity({ name: 'attendance_entry' })
export class AttendanceEntryEntity {
  @PrimaryColumn({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @PrimaryColumn({ name: 'student_id', type: 'uuid' })
  studentId!: string;

  @Column({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  @Column({ name: 'lesson_date', type: 'date' })
  lessonDate!: string;

  @Column('text')
  status!: 'absent' | 'late';

  @Column({ type: 'text', nullable: true })
  reason!: AbsenceReason | null;

  @Column({ name: 'minutes_late', type: 'smallint', nullable: true })
  minutesLate!: number | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column('boolean')
  late!: boolean;

  /** The class teacher who confirmed the reason (R-ATT-1); null while it is only the subject teacher's. */
  @Column({ name: 'reason_confirmed_by', type: 'uuid', nullable: true })
  reasonConfirmedBy!: string | null;

  @Column({ name: 'reason_confirmed_at', type: 'timestamptz', nullable: true })
  reasonConfirmedAt!: Date | null;

  @Column('integer')
  version!: number;
}
