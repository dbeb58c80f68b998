import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlanTopic } from '#contracts';

/** One kept revision of a plan: its author, time and the full list of topics (R-PLAN-2). Never changed. */
@Entity({ name: 'plan_revision' })
export class PlanRevisionEntity {
  @PrimaryColumn({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  @PrimaryColumn('integer')
  number!: number;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ name: 'saved_at', type: 'timestamptz' })
  savedAt!: Date;

  @Column('text')
  source!: 'edit' | 'import';

  @Column('jsonb')
  topics!: PlanTopic[];
}
