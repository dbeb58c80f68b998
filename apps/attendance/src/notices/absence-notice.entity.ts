import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NoticeReason, NoticeStatus } from '#contracts';

/** A parent's notice of a child's absence, and the class teacher's decision on it (R-ATT-1). */
@Entity({ name: 'absence_notice' })
export class AbsenceNoticeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId!: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId!: string;

  @Column('text')
  reason!: NoticeReason;

  @Column({ name: 'date_from', type: 'date' })
  from!: string;

  @Column({ name: 'date_to', type: 'date' })
  to!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'sent_by', type: 'uuid', nullable: true })
  sentBy!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;

  @Column('text')
  status!: NoticeStatus;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment!: string | null;

  @Column('integer')
  version!: number;
}
