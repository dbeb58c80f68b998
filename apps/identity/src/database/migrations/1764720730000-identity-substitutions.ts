import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Substitutions (замены): one teacher takes one lesson of another teacher's page (R-ACC-3). */
export class IdentitySubstitutions1764720730000 implements MigrationInterface {
  name = 'IdentitySubstitutions1764720730000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE substitution (
        lesson_id uuid PRIMARY KEY,
        page_id uuid NOT NULL REFERENCES page (id),
        lesson_date date NOT NULL,
        teacher_id uuid NOT NULL REFERENCES person (id),
        assigned_by uuid REFERENCES person (id),
        assigned_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX substitution_teacher ON substitution (teacher_id, lesson_date)');
    await queryRunner.query('CREATE INDEX substitution_page ON substitution (page_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE substitution');
  }
}
