import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lesson columns saved in one request (the journal coordinates, attendance reserves its part): whether the journal
 * committed a column. `committed` is written in the column's own transaction, first; `aborted` is written when the
 * journal gives a column up or when attendance asks about a reservation left pending, and then no commit can follow.
 */
export class JournalLessonColumns1764900600000 implements MigrationInterface {
  name = 'JournalLessonColumns1764900600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE lesson_column (
        column_id uuid PRIMARY KEY,
        lesson_id uuid,
        status text NOT NULL CHECK (status IN ('committed', 'aborted')),
        actor_id uuid,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (status = 'aborted' OR lesson_id IS NOT NULL)
      )`);
    await queryRunner.query('CREATE INDEX lesson_column_lesson ON lesson_column (lesson_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE lesson_column');
  }
}
