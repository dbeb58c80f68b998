import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Lesson } from '#contracts';

/** One lesson on the calendar: a page on a date at a lesson number (R-PLAN-3). */
@Entity({ name: 'lesson' })
export class LessonEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'year_id', type: 'uuid' })
  yearId!: string;

  @Column({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId!: string;

  @Column('smallint')
  grade!: number;

  @Column({ name: 'subject_code', type: 'text' })
  subjectCode!: string;

  @Column('date')
  date!: string;

  @Column({ name: 'lesson_number', type: 'smallint' })
  lessonNumber!: number;

  @Column({ name: 'starts_at', type: 'text' })
  startsAt!: string;

  @Column({ name: 'ends_at', type: 'text' })
  endsAt!: string;

  @Column('text')
  status!: Lesson['status'];
}
