import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A teacher assigned to a page from one date to another, both included (R-ACC-3). */
@Entity({ name: 'page_assignment' })
export class PageAssignmentEntity {
  @PrimaryColumn({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  @PrimaryColumn({ name: 'teacher_id', type: 'uuid' })
  teacherId!: string;

  @PrimaryColumn({ name: 'date_from', type: 'date' })
  from!: string;

  @Column({ name: 'date_to', type: 'date', nullable: true })
  to!: string | null;
}
