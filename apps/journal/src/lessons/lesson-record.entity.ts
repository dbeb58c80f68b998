import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Topic and homework of a lesson (one row once anything was recorded); `late` and `entered_at` are of the first entry. */
@Entity({ name: 'lesson_record' })
export class LessonRecordEntity {
  @PrimaryColumn({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'lesson_date', type: 'date' })
  lessonDate!: string;

  @Column({ type: 'text', nullable: true })
  topic!: string | null;

  @Column({ type: 'text', nullable: true })
  homework!: string | null;

  /** The topic of the page's plan the lesson covers (R-PLAN-3). */
  @Column({ name: 'plan_topic_id', type: 'uuid', nullable: true })
  planTopicId!: string | null;

  @Column('integer')
  version!: number;

  @Column({ name: 'entered_at', type: 'timestamptz' })
  enteredAt!: Date;

  @Column({ name: 'entered_by', type: 'uuid', nullable: true })
  enteredBy!: string | null;

  @Column('boolean')
  late!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
