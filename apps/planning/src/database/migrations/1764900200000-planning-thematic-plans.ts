import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendar-thematic plans (КТП) of journal pages (R-PLAN-1…3): the plan of each page with what identity told about the
 * page when it was last saved, its current topics, and every revision with its author, time and full list of topics.
 */
export class PlanningThematicPlans1764900200000 implements MigrationInterface {
  name = 'PlanningThematicPlans1764900200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE thematic_plan (
        page_id uuid PRIMARY KEY,
        school_id uuid NOT NULL,
        academic_year text NOT NULL,
        class_id uuid NOT NULL,
        class_name text NOT NULL,
        grade smallint NOT NULL,
        subject_code text NOT NULL,
        group_id uuid,
        group_name text,
        version integer NOT NULL CHECK (version >= 1),
        submitted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX thematic_plan_school ON thematic_plan (school_id, academic_year)');
    await queryRunner.query('CREATE INDEX thematic_plan_class ON thematic_plan (class_id)');
    await queryRunner.query(`
      CREATE TABLE plan_topic (
        id uuid PRIMARY KEY,
        page_id uuid NOT NULL REFERENCES thematic_plan (page_id),
        number smallint NOT NULL CHECK (number >= 1),
        title text NOT NULL,
        hours smallint NOT NULL CHECK (hours BETWEEN 1 AND 99),
        planned_date date,
        kind text NOT NULL,
        UNIQUE (page_id, number)
      )`);
    // R-PLAN-2: every revision is kept with its author and time; rows are never changed or deleted.
    await queryRunner.query(`
      CREATE TABLE plan_revision (
        page_id uuid NOT NULL REFERENCES thematic_plan (page_id),
        number integer NOT NULL CHECK (number >= 1),
        author_id uuid,
        saved_at timestamptz NOT NULL,
        source text NOT NULL CHECK (source IN ('edit', 'import')),
        topics jsonb NOT NULL,
        PRIMARY KEY (page_id, number)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION plan_revision_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'plan_revision is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER plan_revision_append_only BEFORE UPDATE OR DELETE ON plan_revision
      FOR EACH ROW EXECUTE FUNCTION plan_revision_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE plan_revision');
    await queryRunner.query('DROP FUNCTION plan_revision_append_only()');
    await queryRunner.query('DROP TABLE plan_topic');
    await queryRunner.query('DROP TABLE thematic_plan');
  }
}
