import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PeriodLogAction } from '#contracts';

/** One closing or reopening of a period (append-only). */
@Entity({ name: 'period_log' })
export class PeriodLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'year_id', type: 'uuid' })
  yearId!: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId!: string;

  @Column({ name: 'period_name_ru', type: 'text' })
  periodNameRu!: string;

  @Column('text')
  action!: PeriodLogAction;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
