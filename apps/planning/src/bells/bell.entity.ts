import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'bell' })
export class BellEntity {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @PrimaryColumn({ name: 'lesson_number', type: 'smallint' })
  lessonNumber!: number;

  /** Local time of the school, HH:MM. */
  @Column({ name: 'starts_at', type: 'text' })
  start!: string;

  @Column({ name: 'ends_at', type: 'text' })
  end!: string;
}
