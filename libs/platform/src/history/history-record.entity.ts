import { Column, PrimaryGeneratedColumn } from 'typeorm';
import type { HistoryAction } from './history-change.js';

/**
 * The columns every append-only change history table has; a service's history entity extends it with the columns
 * that say what changed. The table itself is created by the service's own migration.
 */
export abstract class HistoryRecordEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('text')
  action!: HistoryAction;

  @Column({ name: 'old_value', type: 'jsonb', nullable: true })
  oldValue!: unknown;

  @Column({ name: 'new_value', type: 'jsonb', nullable: true })
  newValue!: unknown;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
