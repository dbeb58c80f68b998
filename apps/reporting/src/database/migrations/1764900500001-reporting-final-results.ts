import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Period and year results as the journal announces them (R-MARK-1): for the class summary, the e-diary, the deputy. */
export class ReportingFinalResults1764900500001 implements MigrationInterface {
  name = 'ReportingFinalResults1764900500001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE final_result (
        id uuid PRIMARY KEY,
        term text NOT NULL,
        term_id uuid NOT NULL,
        school_id uuid NOT NULL,
        student_id uuid NOT NULL,
        subject_code text NOT NULL,
        page_id uuid NOT NULL,
        value text,
        version integer NOT NULL,
        set_by uuid,
        set_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX final_result_student ON final_result (student_id, term_id)');
    await queryRunner.query('CREATE INDEX final_result_school_term ON final_result (school_id, term_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE final_result');
  }
}
