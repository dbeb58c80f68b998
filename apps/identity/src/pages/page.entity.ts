import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A journal page: class × subject × group (R-CAL-3). */
@Entity({ name: 'page' })
export class PageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'external_key', type: 'text', unique: true })
  externalKey!: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId!: string;

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  @Column({ name: 'subject_code', type: 'text' })
  subjectCode!: string;
}
