import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PeriodKind } from '#contracts';

@Entity({ name: 'period' })
export class PeriodEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'year_id', type: 'uuid' })
  yearId!: string;

  @Column('text')
  kind!: PeriodKind;

  @Column('smallint')
  number!: number;

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

  @Column('boolean')
  closed!: boolean;
}
