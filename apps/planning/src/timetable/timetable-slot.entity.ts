import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One weekly place of a page in a class's timetable (R-PLAN-3). */
@Entity({ name: 'timetable_slot' })
export class TimetableSlotEntity {
  @PrimaryColumn({ name: 'year_id', type: 'uuid' })
  yearId!: string;

  @PrimaryColumn({ name: 'class_id', type: 'uuid' })
  classId!: string;

  @Column('smallint')
  grade!: number;

  @PrimaryColumn({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  @Column({ name: 'subject_code', type: 'text' })
  subjectCode!: string;

  /** ISO weekday: 1 = Monday … 6 = Saturday. */
  @PrimaryColumn('smallint')
  weekday!: number;

  @PrimaryColumn({ name: 'lesson_number', type: 'smallint' })
  lessonNumber!: number;
}
