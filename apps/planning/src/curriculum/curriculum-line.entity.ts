import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CurriculumSource } from '#contracts';

/** One subject of one grade in a school's curriculum for a year. */
@Entity({ name: 'curriculum_line' })
export class CurriculumLineEntity {
  @PrimaryColumn({ name: 'year_id', type: 'uuid' })
  yearId!: string;

  @PrimaryColumn('smallint')
  grade!: number;

  @PrimaryColumn({ name: 'subject_code', type: 'text' })
  subjectCode!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  /** numeric(4,1): read as text by pg, whole or half hours. */
  @Column({ name: 'hours_per_week', type: 'numeric', precision: 4, scale: 1 })
  hoursPerWeek!: string;

  @Column({ name: 'study_weeks', type: 'smallint' })
  studyWeeks!: number;

  @Column('boolean')
  split!: boolean;

  @Column('boolean')
  marked!: boolean;

  @Column('text')
  source!: CurriculumSource;
}
