import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxTable } from '#platform';

export class JournalInitial1764806400000 implements MigrationInterface {
  name = 'JournalInitial1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createOutboxTable(queryRunner);
    await queryRunner.query(`
      CREATE TABLE lesson_record (
        lesson_id uuid PRIMARY KEY,
        page_id uuid NOT NULL,
        school_id uuid NOT NULL,
        lesson_date date NOT NULL,
        topic text,
        homework text,
        version integer NOT NULL CHECK (version >= 1),
        entered_at timestamptz NOT NULL,
        entered_by uuid,
        late boolean NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX lesson_record_page ON lesson_record (page_id, lesson_date)');
    await queryRunner.query(`
      CREATE TABLE mark (
        id uuid PRIMARY KEY,
        lesson_id uuid NOT NULL,
        page_id uuid NOT NULL,
        student_id uuid NOT NULL,
        value smallint NOT NULL CHECK (value BETWEEN 1 AND 5),
        work_kind text NOT NULL,
        comment text,
        entered_at timestamptz NOT NULL,
        entered_by uuid,
        late boolean NOT NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        deleted_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX mark_lesson ON mark (lesson_id)');
    await queryRunner.query('CREATE INDEX mark_student ON mark (student_id)');
    // R-MARK-7: who changed what, when, from which value to which; rows are never updated or deleted.
    await queryRunner.query(`
      CREATE TABLE journal_history (
        id bigserial PRIMARY KEY,
        entity text NOT NULL CHECK (entity IN ('mark', 'lesson_record')),
        entity_id uuid NOT NULL,
        action text NOT NULL CHECK (action IN ('created', 'updated', 'deleted', 'imported')),
        old_value jsonb,
        new_value jsonb,
        actor_id uuid,
        at timestamptz NOT NULL,
        reason text
      )`);
    await queryRunner.query('CREATE INDEX journal_history_entity ON journal_history (entity, entity_id)');
    await queryRunner.query(`
      CREATE FUNCTION journal_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'journal_history is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER journal_history_append_only BEFORE UPDATE OR DELETE ON journal_history
      FOR EACH ROW EXECUTE FUNCTION journal_history_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE journal_history');
    await queryRunner.query('DROP FUNCTION journal_history_append_only()');
    await queryRunner.query('DROP TABLE mark');
    await queryRunner.query('DROP TABLE lesson_record');
    await queryRunner.query('DROP TABLE outbox');
  }
}
