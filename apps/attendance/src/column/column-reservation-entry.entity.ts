import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttendanceEntry } from '#contracts';

/** What confirming a column does to one student's entry. */
export type ReservedChange = 'created' | 'updated' | 'deleted' | 'unchanged';

/** One student of a reserved column: the entry it will have once confirmed ("present" too, with its version). */
@Entity({ name: 'column_reservation_entry' })
export class ColumnReservationEntryEntity {
  @PrimaryColumn({ name: 'column_id', type: 'uuid' })
  columnId!: string;

  @PrimaryColumn({ name: 'student_id', type: 'uuid' })
  studentId!: string;

  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column({ name: 'lesson_date', type: 'date' })
  lessonDate!: string;

  @Column('text')
  change!: ReservedChange;

  @Column('jsonb')
  entry!: AttendanceEntry;
}
