import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AbsenceReason } from '#contracts';

/**
 * The reason a class teacher gave a student's absences on some days, directly or by accepting a parent's notice;
 * absences recorded on those days later take it too. Never changed: the latest one covering a day applies.
 */
@Entity({ name: 'absence_excuse' })
export class AbsenceExcuseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Order of recording: the latest excuse covering a day wins. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId!: string;

  @Column({ name: 'date_from', type: 'date' })
  from!: string;

  @Column({ name: 'date_to', type: 'date' })
  to!: string;

  @Column('text')
  reason!: AbsenceReason;

  @Column({ name: 'notice_id', type: 'uuid', nullable: true })
  noticeId!: string | null;

  @Column({ name: 'set_by', type: 'uuid', nullable: true })
  setBy!: string | null;

  @Column({ name: 'set_at', type: 'timestamptz' })
  setAt!: Date;
}
