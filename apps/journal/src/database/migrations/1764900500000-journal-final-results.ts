import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Period and year results (R-MARK-1, R-MARK-6): one per student, subject and period (or year), whatever class the
 * student was in (R-CAL-4); every change kept in an append-only history (R-MARK-7).
 */
export class JournalFinalResults1764900500000 implements MigrationInterface {
  name = 'JournalFinalResults1764900500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE final_result (
        id uuid PRIMARY KEY,
        term text NOT NULL CHECK (term IN ('period', 'year')),
        term_id uuid NOT NULL,
        school_id uuid NOT NULL,
        student_id uuid NOT NULL,
        subject_code text NOT NULL,
        page_id uuid NOT NULL,
        value text CHECK (value IN ('1', '2', '3', '4', '5', 'not-attested', 'pass', 'fail', 'exempt')),
        version integer NOT NULL CHECK (version >= 1),
        set_by uuid,
        set_at timestamptz NOT NULL,
        CONSTRAINT final_result_one_per_subject UNIQUE (term_id, student_id, subject_code)
      )`);
    await queryRunner.query('CREATE INDEX final_result_term_subject ON final_result (term_id, subject_code)');
    await queryRunner.query(`
      CREATE TABLE final_result_history (
        id bigserial PRIMARY KEY,
        result_id uuid NOT NULL,
        term_id uuid NOT NULL,
        subject_code text NOT NULL,
        student_id uuid NOT NULL,
        page_id uuid NOT NULL,
        action text NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
        old_value jsonb,
        new_value jsonb,
        actor_id uuid,
        at timestamptz NOT NULL,
        reason text
      )`);
    await queryRunner.query(
      'CREATE INDEX final_result_history_term ON final_result_history (term_id, subject_code, student_id, id)',
    );
    await queryRunner.query(`
      CREATE FUNCTION final_result_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'final_result_history is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER final_result_history_append_only BEFORE UPDATE OR DELETE ON final_result_history
      FOR EACH ROW EXECUTE FUNCTION final_result_history_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE final_result_history');
    await queryRunner.query('DROP FUNCTION final_result_history_append_only()');
    await queryRunner.query('DROP TABLE final_result');
  }
}
