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

  /** The page's group (R-CAL-3), null for a whole-class page: group lessons of one subject share a time. */
  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  /** `timetable`: placed by the weekly timetable; `extra`: added on a date by the deputy (R-PLAN-3). */
  @Column('text')
  origin!: 'timetable' | 'extra';

  /** Where the timetable placed the lesson (kept when it is moved); null for an extra lesson. */
  @Column({ name: 'planned_date', type: 'date', nullable: true })
  plannedDate!: string | null;

  @Column({ name: 'planned_lesson_number', type: 'smallint', nullable: true })
  plannedLessonNumber!: number | null;
}
