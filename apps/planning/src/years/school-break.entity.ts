import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SchoolBreak } from '#contracts';

@Entity({ name: 'school_break' })
export class SchoolBreakEntity {
  @PrimaryColumn({ name: 'year_id', type: 'uuid' })
  yearId!: string;

  /** The break's place in the year as loaded: breaks have no natural key of their own. */
  @PrimaryColumn('smallint')
  position!: number;

  @Column('text')
  kind!: SchoolBreak['kind'];

  @Column({ name: 'name_ru', type: 'text' })
  nameRu!: string;

  @Column({ name: 'start_date', type: 'date' })
  start!: string;

  @Column({ name: 'end_date', type: 'date' })
  end!: string;

  @Column({ name: 'grade_from', type: 'smallint' })
  gradeFrom!: number;

  @Column({ name: 'grade_to', type: 'smallint' })
  gradeTo!: number;
}
