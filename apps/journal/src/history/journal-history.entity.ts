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

  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  /** The student whose mark changed; null for a lesson's content. */
  @Column({ name: 'student_id', type: 'uuid', nullable: true })
  studentId!: string | null;

  /** Made after the lesson's day in the school's zone (R-MARK-3); null where it was not recorded. */
  @Column({ type: 'boolean', nullable: true })
  late!: boolean | null;
}
