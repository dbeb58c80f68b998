import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LessonChangeKind } from '#contracts';

/** One entry of the change log of lessons (R-PLAN-3): append-only, kept after the lesson itself is removed. */
@Entity({ name: 'lesson_change' })
export class LessonChangeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The order entries were logged in (several may share an instant). */
  @Column({ type: 'bigint', insert: false, update: false, select: false })
  seq?: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'year_id', type: 'uuid' })
  yearId!: string;

  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId!: string;

  @Column({ name: 'subject_code', type: 'text' })
  subjectCode!: string;

  @Column('text')
  kind!: LessonChangeKind;

  @Column('date')
  date!: string;

  @Column({ name: 'lesson_number', type: 'smallint' })
  lessonNumber!: number;

  @Column({ name: 'moved_from_date', type: 'date', nullable: true })
  movedFromDate!: string | null;

  @Column({ name: 'moved_from_lesson_number', type: 'smallint', nullable: true })
  movedFromLessonNumber!: number | null;

  @Column({ name: 'substitute_id', type: 'uuid', nullable: true })
  substituteId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
