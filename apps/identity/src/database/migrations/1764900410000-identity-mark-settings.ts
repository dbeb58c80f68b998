import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The school's mark scale and kinds of work are changed by its administration (R-MARK-1, R-MARK-4): a version for
 * `If-Match`, and an append-only log of every change (who, when, before, after, why).
 */
export class IdentityMarkSettings1764900410000 implements MigrationInterface {
  name = 'IdentityMarkSettings1764900410000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE school ADD COLUMN mark_settings_version integer NOT NULL DEFAULT 1 CHECK (mark_settings_version >= 1)');
    await queryRunner.query(`
      CREATE TABLE mark_settings_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        school_id uuid NOT NULL REFERENCES school (id),
        actor_id uuid,
        old_value jsonb NOT NULL,
        new_value jsonb NOT NULL,
        reason text
      )`);
    await queryRunner.query('CREATE INDEX mark_settings_log_school ON mark_settings_log (school_id, id DESC)');
    await queryRunner.query(
      'CREATE TRIGGER mark_settings_log_append_only BEFORE UPDATE OR DELETE ON mark_settings_log FOR EACH ROW EXECUTE FUNCTION refuse_log_change()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE mark_settings_log');
    await queryRunner.query('ALTER TABLE school DROP COLUMN mark_settings_version');
  }
}
