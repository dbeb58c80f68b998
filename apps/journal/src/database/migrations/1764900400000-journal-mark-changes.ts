import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks are changed and deleted with their history (R-MARK-7): every history row says which lesson, page and student
 * it is about, so that a lesson's and a page's history are read without unpacking values, and whether the change was
 * made after the lesson's day (R-MARK-3). Rows written before are filled in once; the table stays append-only.
 */
export class JournalMarkChanges1764900400000 implements MigrationInterface {
  name = 'JournalMarkChanges1764900400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE journal_history
        ADD COLUMN lesson_id uuid,
        ADD COLUMN page_id uuid,
        ADD COLUMN student_id uuid,
        ADD COLUMN late boolean`);
    await queryRunner.query('ALTER TABLE journal_history DISABLE TRIGGER journal_history_append_only');
    await queryRunner.query(`
      UPDATE journal_history h SET lesson_id = m.lesson_id, page_id = m.page_id, student_id = m.student_id
        FROM mark m
       WHERE h.entity = 'mark' AND m.id = h.entity_id`);
    await queryRunner.query(`
      UPDATE journal_history h SET lesson_id = r.lesson_id, page_id = r.page_id
        FROM lesson_record r
       WHERE h.entity = 'lesson_record' AND r.lesson_id = h.entity_id`);
    // A new mark's row carries the mark, whose `late` is that of its entry.
    await queryRunner.query(`
      UPDATE journal_history SET late = (new_value ->> 'late')::boolean
       WHERE entity = 'mark' AND action IN ('created', 'imported') AND new_value ? 'late'`);
    await queryRunner.query('ALTER TABLE journal_history ENABLE TRIGGER journal_history_append_only');
    await queryRunner.query('ALTER TABLE journal_history ALTER COLUMN lesson_id SET NOT NULL, ALTER COLUMN page_id SET NOT NULL');
    await queryRunner.query('CREATE INDEX journal_history_lesson ON journal_history (lesson_id, id)');
    await queryRunner.query('CREATE INDEX journal_history_page ON journal_history (page_id, id)');
    // Whether a school's kind of work is in use (identity asks before removing one).
    await queryRunner.query('CREATE INDEX mark_page_work_kind ON mark (page_id, work_kind)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX mark_page_work_kind');
    await queryRunner.query('DROP INDEX journal_history_page');
    await queryRunner.query('DROP INDEX journal_history_lesson');
    await queryRunner.query(`
      ALTER TABLE journal_history DROP COLUMN lesson_id, DROP COLUMN page_id, DROP COLUMN student_id, DROP COLUMN late`);
  }
}
