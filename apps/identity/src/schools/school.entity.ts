import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { WorkKind } from '#contracts';

@Entity({ name: 'school' })
export class SchoolEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'external_key', type: 'text', unique: true })
  externalKey!: string;

  @Column('text')
  name!: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ name: 'mark_scale_min', type: 'smallint' })
  markScaleMin!: 1 | 2;

  @Column({ name: 'work_kinds', type: 'jsonb' })
  workKinds!: WorkKind[];

  /** Goes up with every change of the scale or the kinds of work (ETag of the mark settings). */
  @Column({ name: 'mark_settings_version', type: 'integer' })
  markSettingsVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
