import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ResultTerm } from '#contracts';

/** A student's period or year result for a subject (R-MARK-1); one per student, subject and term (R-CAL-4). */
@Entity({ name: 'final_result' })
export class FinalResultEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  term!: ResultTerm;

  @Column({ name: 'term_id', type: 'uuid' })
  termId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId!: string;

  @Column({ name: 'subject_code', type: 'text' })
  subjectCode!: string;

  /** The page the result was last set on. */
  @Column({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  /** "1"…"5" or a word; null once taken back. */
  @Column({ type: 'text', nullable: true })
  value!: string | null;

  @Column('integer')
  version!: number;

  @Column({ name: 'set_by', type: 'uuid', nullable: true })
  setBy!: string | null;

  @Column({ name: 'set_at', type: 'timestamptz' })
  setAt!: Date;
}
