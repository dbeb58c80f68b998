import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The coordinator's completeness and timeliness report (R-REP-3): whether a mark was entered after the lesson's day and
 * by whom (R-MARK-3), and the lessons whose attendance was taken without a single absence — the whole column saved, or
 * the lesson loaded from another system — which leave no attendance entry behind. Rows written before are filled by a
 * rebuild of the read model.
 */
export class ReportingCompleteness1764901100000 implements MigrationInterface {
  name = 'ReportingCompleteness1764901100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE mark ADD COLUMN late boolean NOT NULL DEFAULT false, ADD COLUMN entered_by uuid');
    // Late marks are few: the report finds them by lesson without reading every mark.
    await queryRunner.query('CREATE INDEX mark_late_lesson ON mark (lesson_id) WHERE late');
    await queryRunner.query(`
      CREATE TABLE lesson_attendance_taken (
        lesson_id uuid PRIMARY KEY,
        source text NOT NULL CHECK (source IN ('column', 'import')),
        taken_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE lesson_attendance_taken');
    await queryRunner.query('DROP INDEX mark_late_lesson');
    await queryRunner.query('ALTER TABLE mark DROP COLUMN late, DROP COLUMN entered_by');
  }
}
