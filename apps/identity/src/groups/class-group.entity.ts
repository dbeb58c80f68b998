import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A group (подгруппа) of a class for one subject (R-CAL-3). */
@Entity({ name: 'class_group' })
export class ClassGroupEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'external_key', type: 'text', unique: true })
  externalKey!: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId!: string;

  @Column({ name: 'subject_code', type: 'text' })
  subjectCode!: string;

  @Column({ type: 'text' })
  name!: string;
}
