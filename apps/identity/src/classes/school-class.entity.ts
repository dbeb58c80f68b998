import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A class of a school in one academic year, e.g. 5А of 2025/2026. */
@Entity({ name: 'school_class' })
export class SchoolClassEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'external_key', type: 'text', unique: true })
  externalKey!: string;

  @Column({ name: 'academic_year', type: 'text' })
  academicYear!: string;

  @Column({ type: 'smallint' })
  grade!: number;

  @Column({ type: 'text' })
  letter!: string;

  @Column({ name: 'class_teacher_id', type: 'uuid', nullable: true })
  classTeacherId!: string | null;
}
