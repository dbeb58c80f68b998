import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlanTopicKind } from '#contracts';

/** A topic of a plan as it is now (the latest revision), for queries over plans (R-PLAN-3, assessments). */
@Entity({ name: 'plan_topic' })
export class PlanTopicEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  @Column('smallint')
  number!: number;

  @Column('text')
  title!: string;

  @Column('smallint')
  hours!: number;

  @Column({ name: 'planned_date', type: 'date', nullable: true })
  plannedDate!: string | null;

  @Column('text')
  kind!: PlanTopicKind;
}
