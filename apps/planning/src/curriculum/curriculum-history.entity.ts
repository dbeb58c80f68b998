import { Column, Entity } from 'typeorm';
import { HistoryRecordEntity } from '#platform';

/** Append-only history of a school's curriculum: every line added or changed, with who, when, old and new. */
@Entity({ name: 'curriculum_history' })
export class CurriculumHistoryEntity extends HistoryRecordEntity {
  @Column({ name: 'year_id', type: 'uuid' })
  yearId!: string;

  @Column('smallint')
  grade!: number;

  @Column({ name: 'subject_code', type: 'text' })
  subjectCode!: string;
}
