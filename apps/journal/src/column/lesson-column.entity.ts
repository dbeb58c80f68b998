import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LessonColumnStatus } from '#contracts';

/** How a lesson column ended in the journal: committed with its part, or aborted for good. */
@Entity({ name: 'lesson_column' })
export class LessonColumnEntity {
  @PrimaryColumn({ name: 'column_id', type: 'uuid' })
  columnId!: string;

  /** Null for a column aborted by a question before the journal ever wrote it. */
  @Column({ name: 'lesson_id', type: 'uuid', nullable: true })
  lessonId!: string | null;

  @Column('text')
  status!: LessonColumnStatus;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** The database's clock. */
  @Column({ type: 'timestamptz', insert: false, update: false })
  at!: Date;
}
