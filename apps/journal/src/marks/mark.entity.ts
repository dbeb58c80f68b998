import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A current mark (R-MARK-4); several per student and lesson are allowed. */
@Entity({ name: 'mark' })
export class MarkEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId!: string;

  @Column('smallint')
  value!: number;

  @Column({ name: 'work_kind', type: 'text' })
  workKind!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'entered_at', type: 'timestamptz' })
  enteredAt!: Date;

  @Column({ name: 'entered_by', type: 'uuid', nullable: true })
  enteredBy!: string | null;

  @Column('boolean')
  late!: boolean;

  @Column('integer')
  version!: number;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
