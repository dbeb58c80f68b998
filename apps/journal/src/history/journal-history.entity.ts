import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type JournalHistoryEntityKind = 'mark' | 'lesson_record';
export type JournalHistoryAction = 'created' | 'updated' | 'deleted' | 'imported';

/** One change of a mark or a lesson record (R-MARK-7); append-only. */
@Entity({ name: 'journal_history' })
export class JournalHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('text')
  entity!: JournalHistoryEntityKind;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId!: string;

  @Column('text')
  action!: JournalHistoryAction;

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
