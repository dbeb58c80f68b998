import { Entity, PrimaryColumn } from 'typeorm';

/** A parent or legal guardian of a student (R-REP-4). */
@Entity({ name: 'guardianship' })
export class GuardianshipEntity {
  @PrimaryColumn({ name: 'parent_id', type: 'uuid' })
  parentId!: string;

  @PrimaryColumn({ name: 'student_id', type: 'uuid' })
  studentId!: string;
}
