import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DayOff } from '#contracts';

@Entity({ name: 'day_off' })
export class DayOffEntity {
  @PrimaryColumn({ name: 'year_id', type: 'uuid' })
  yearId!: string;

  @PrimaryColumn('date')
  date!: string;

  @Column('text')
  kind!: DayOff['kind'];

  @Column({ name: 'name_ru', type: 'text' })
  nameRu!: string;
}
