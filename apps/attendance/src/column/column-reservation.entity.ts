import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ReservationStatus = 'pending' | 'confirmed' | 'cancelled';
/** What resolved a reservation: the journal's own call, its event, or the timeout asking the journal. */
export type ResolvedBy = 'journal' | 'event' | 'timeout';

/** The attendance part of a lesson column, reserved until the journal's part is committed or given up. */
@Entity({ name: 'column_reservation' })
export class ColumnReservationEntity {
  @PrimaryColumn({ name: 'column_id', type: 'uuid' })
  columnId!: string;

  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column('text')
  status!: ReservationStatus;

  @Column({ name: 'page_id', type: 'uuid', nullable: true })
  pageId!: string | null;

  @Column({ name: 'lesson_date', type: 'date', nullable: true })
  lessonDate!: string | null;

  /** The person who saved the column (a substitute under their own name); the history names them. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** Why, as the history keeps it (optional). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;

  /** Recorded after the lesson's day (R-MARK-3). */
  @Column({ type: 'boolean', nullable: true })
  late!: boolean | null;

  @Column({ name: 'reserved_at', type: 'timestamptz', insert: false, update: false })
  reservedAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy!: ResolvedBy | null;
}
