import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'academic_year' })
export class AcademicYearEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column('text')
  label!: string;

  @Column({ name: 'start_date', type: 'date' })
  start!: string;

  @Column({ name: 'end_date', type: 'date' })
  end!: string;

  @Column('boolean')
  derived!: boolean;

  @Column({ name: 'days_per_week', type: 'smallint' })
  daysPerWeek!: 5 | 6;

  @Column({ name: 'working_weekend_days', type: 'jsonb' })
  workingWeekendDays!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
