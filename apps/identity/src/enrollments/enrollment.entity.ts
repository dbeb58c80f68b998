import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A student in a class from one date to another, both included; `to` null while still enrolled (R-CAL-4). */
@Entity({ name: 'enrollment' })
export class EnrollmentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId!: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId!: string;

  @Column({ name: 'date_from', type: 'date' })
  from!: string;

  @Column({ name: 'date_to', type: 'date', nullable: true })
  to!: string | null;
}
