import { Column, Entity } from 'typeorm';
import { HistoryRecordEntity } from '#platform';

/** One change of a period or year result (R-MARK-7): who, when, the value before and after, why; append-only. */
@Entity({ name: 'final_result_history' })
export class FinalResultHistoryEntity extends HistoryRecordEntity {
  @Column({ name: 'result_id', type: 'uuid' })
  resultId!: string;

  @Column({ name: 'term_id', type: 'uuid' })
  termId!: string;

  @Column({ name: 'subject_code', type: 'text' })
  subjectCode!: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId!: string;

  /** The page the change was made on. */
  @Column({ name: 'page_id', type: 'uuid' })
  pageId!: string;
}
