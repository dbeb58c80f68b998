import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Changed and deleted marks (R-MARK-7): a changed mark keeps the value it had before its last change of value (the
 * e-diary shows "changed: old → new"); a deleted mark leaves the read model and leaves a tombstone, so that an older
 * event replayed later never brings it back.
 */
export class ReportingMarkChanges1764900420000 implements MigrationInterface {
  name = 'ReportingMarkChanges1764900420000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE mark ADD COLUMN previous_value smallint, ADD COLUMN changed_at timestamptz');
    await queryRunner.query(`
      CREATE TABLE deleted_mark (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        deleted_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE deleted_mark');
    await queryRunner.query('ALTER TABLE mark DROP COLUMN previous_value, DROP COLUMN changed_at');
  }
}
