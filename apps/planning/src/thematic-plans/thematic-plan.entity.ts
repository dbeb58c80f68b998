import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The plan (КТП) of a journal page, with the page as identity described it at the last save (R-PLAN-1). */
@Entity({ name: 'thematic_plan' })
export class ThematicPlanEntity {
  @PrimaryColumn({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'academic_year', type: 'text' })
  academicYear!: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId!: string;

  @Column({ name: 'class_name', type: 'text' })
  className!: string;

  @Column('smallint')
  grade!: number;

  @Column({ name: 'subject_code', type: 'text' })
  subjectCode!: string;

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  @Column({ name: 'group_name', type: 'text', nullable: true })
  groupName!: string | null;

  /** The number of the latest revision. */
  @Column('integer')
  version!: number;

  /** The first save: the 10 September deadline is judged by it (R-PLAN-1). */
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
