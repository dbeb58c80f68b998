import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A teacher who takes one lesson of a page (замена): they write on that lesson only (R-ACC-3). */
@Entity({ name: 'substitution' })
export class SubstitutionEntity {
  @PrimaryColumn({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  @Column({ name: 'lesson_date', type: 'date' })
  date!: string;

  @Column({ name: 'teacher_id', type: 'uuid' })
  teacherId!: string;

  /** Who assigned it (a deputy or director); null when loaded by the system. */
  @Column({ name: 'assigned_by', type: 'uuid', nullable: true })
  assignedBy!: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt!: Date;
}
