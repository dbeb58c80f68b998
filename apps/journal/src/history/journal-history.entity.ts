import { Column, Entity } from 'typeorm';
import { HistoryRecordEntity } from '#platform';

export type JournalHistoryEntityKind = 'mark' | 'lesson_record';

/** One change of a mark or a lesson record (R-MARK-7); append-only. */
@Entity({ name: 'journal_history' })
export class JournalHistoryEntity extends HistoryRecordEntity {
  @Column('text')
  entity!: JournalHistoryEntityKind;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId!: string;
}
