import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A lesson's record links to the topic of the page's calendar-thematic plan it covers (R-PLAN-3). */
export class JournalPlanTopicLink1764900200000 implements MigrationInterface {
  name = 'JournalPlanTopicLink1764900200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE lesson_record ADD COLUMN plan_topic_id uuid');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE lesson_record DROP COLUMN plan_topic_id');
  }
}
