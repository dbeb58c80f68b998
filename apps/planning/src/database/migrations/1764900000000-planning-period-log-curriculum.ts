import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The log of closed and reopened periods; a school's curriculum per year and grade with its change history. */
export class PlanningPeriodLogCurriculum1764900000000 implements MigrationInterface {
  name = 'PlanningPeriodLogCurriculum1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No foreign key to the period: a period dropped by a reloaded calendar keeps its log (its name is copied).
    await queryRunner.query(`
      CREATE TABLE period_log (
        id bigserial PRIMARY KEY,
        school_id uuid NOT NULL,
        year_id uuid NOT NULL REFERENCES academic_year (id),
        period_id uuid NOT NULL,
        period_name_ru text NOT NULL,
        action text NOT NULL CHECK (action IN ('closed', 'reopened')),
        reason text,
        actor_id uuid,
        at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX period_log_year ON period_log (year_id, id)');
    await queryRunner.query(`
      CREATE TABLE curriculum_line (
        year_id uuid NOT NULL REFERENCES academic_year (id),
        school_id uuid NOT NULL,
        grade smallint NOT NULL CHECK (grade BETWEEN 1 AND 11),
        subject_code text NOT NULL,
        hours_per_week numeric(4, 1) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week * 2 = trunc(hours_per_week * 2)),
        study_weeks smallint NOT NULL CHECK (study_weeks BETWEEN 1 AND 52),
        split boolean NOT NULL,
        marked boolean NOT NULL,
        source text NOT NULL CHECK (source IN ('federal', 'school')),
        PRIMARY KEY (year_id, grade, subject_code)
      )`);
    await queryRunner.query(`
      CREATE TABLE curriculum_history (
        id bigserial PRIMARY KEY,
        year_id uuid NOT NULL,
        grade smallint NOT NULL,
        subject_code text NOT NULL,
        action text NOT NULL,
        old_value jsonb,
        new_value jsonb,
        actor_id uuid,
        at timestamptz NOT NULL,
        reason text
      )`);
    await queryRunner.query('CREATE INDEX curriculum_history_year ON curriculum_history (year_id, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['curriculum_history', 'curriculum_line', 'period_log']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
