import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxTable } from '#platform';

export class AttendanceInitial1764806400000 implements MigrationInterface {
  name = 'AttendanceInitial1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createOutboxTable(queryRunner);
    // Only absences and lateness are stored (R-ATT-1); a student without an entry was present.
    await queryRunner.query(`
      CREATE TABLE attendance_entry (
        lesson_id uuid NOT NULL,
        student_id uuid NOT NULL,
        page_id uuid NOT NULL,
        lesson_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('absent', 'late')),
        reason text CHECK (reason IN ('illness', 'excused', 'unexcused')),
        minutes_late smallint CHECK (minutes_late BETWEEN 1 AND 90),
        recorded_at timestamptz NOT NULL,
        recorded_by uuid,
        late boolean NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        PRIMARY KEY (lesson_id, student_id),
        CHECK (status = 'absent' OR reason IS NULL),
        CHECK ((status = 'late') = (minutes_late IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX attendance_entry_student ON attendance_entry (student_id, lesson_date)');
    await queryRunner.query('CREATE INDEX attendance_entry_page ON attendance_entry (page_id, lesson_date)');
    // R-MARK-7: every change of an absence, with who, when, the old and the new value; rows are never changed.
    await queryRunner.query(`
      CREATE TABLE attendance_history (
        id bigserial PRIMARY KEY,
        lesson_id uuid NOT NULL,
        student_id uuid NOT NULL,
        action text NOT NULL CHECK (action IN ('created', 'updated', 'deleted', 'imported')),
        old_value jsonb,
        new_value jsonb,
        actor_id uuid,
        at timestamptz NOT NULL,
        reason text
      )`);
    await queryRunner.query('CREATE INDEX attendance_history_entry ON attendance_history (lesson_id, student_id)');
    await queryRunner.query(`
      CREATE FUNCTION attendance_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'attendance_history is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER attendance_history_append_only BEFORE UPDATE OR DELETE ON attendance_history
      FOR EACH ROW EXECUTE FUNCTION attendance_history_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE attendance_history');
    await queryRunner.query('DROP FUNCTION attendance_history_append_only()');
    await queryRunner.query('DROP TABLE attendance_entry');
    await queryRunner.query('DROP TABLE outbox');
  }
}
