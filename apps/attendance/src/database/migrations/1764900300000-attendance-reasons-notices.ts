import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AttendanceReasonsNotices1764900300000 implements MigrationInterface {
  name = 'AttendanceReasonsNotices1764900300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // R-ATT-1: the class teacher confirms reasons; a confirmed reason goes only with an absence.
    await queryRunner.query(`
      ALTER TABLE attendance_entry
        ADD COLUMN reason_confirmed_by uuid,
        ADD COLUMN reason_confirmed_at timestamptz,
        ADD CONSTRAINT attendance_entry_confirmed_absence
          CHECK (reason_confirmed_at IS NULL OR (status = 'absent' AND reason IS NOT NULL))`);
    await queryRunner.query(`
      CREATE FUNCTION attendance_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
      END $$`);

    // A parent's notice of a child's absence; its class teacher (of `class_id`) accepts or rejects it.
    await queryRunner.query(`
      CREATE TABLE absence_notice (
        id uuid PRIMARY KEY,
        school_id uuid NOT NULL,
        class_id uuid NOT NULL,
        student_id uuid NOT NULL,
        reason text NOT NULL CHECK (reason IN ('illness', 'family', 'other')),
        date_from date NOT NULL,
        date_to date NOT NULL,
        comment text,
        sent_by uuid,
        sent_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
        decided_by uuid,
        decided_at timestamptz,
        decision_comment text,
        version integer NOT NULL CHECK (version >= 1),
        CHECK (date_from <= date_to),
        CHECK ((status = 'pending') = (decided_at IS NULL))
      )`);
    await queryRunner.query('CREATE INDEX absence_notice_student ON absence_notice (student_id, sent_at)');
    await queryRunner.query('CREATE INDEX absence_notice_class ON absence_notice (class_id, sent_at)');
    await queryRunner.query(`
      CREATE TABLE absence_notice_history (
        id bigserial PRIMARY KEY,
        notice_id uuid NOT NULL,
        action text NOT NULL CHECK (action IN ('created', 'updated', 'deleted', 'imported')),
        old_value jsonb,
        new_value jsonb,
        actor_id uuid,
        at timestamptz NOT NULL,
        reason text
      )`);
    await queryRunner.query('CREATE INDEX absence_notice_history_notice ON absence_notice_history (notice_id)');
    await queryRunner.query(`
      CREATE TRIGGER absence_notice_history_append_only BEFORE UPDATE OR DELETE ON absence_notice_history
      FOR EACH ROW EXECUTE FUNCTION attendance_append_only()`);

    // The reason a class teacher gave a student's days (directly, or by accepting a notice): absences recorded on
    // those days later take it too. Rows are decisions and are never changed; the latest covering a day applies.
    await queryRunner.query(`
      CREATE TABLE absence_excuse (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        student_id uuid NOT NULL,
        date_from date NOT NULL,
        date_to date NOT NULL,
        reason text NOT NULL CHECK (reason IN ('illness', 'excused', 'unexcused')),
        notice_id uuid REFERENCES absence_notice (id),
        set_by uuid,
        set_at timestamptz NOT NULL,
        CHECK (date_from <= date_to)
      )`);
    await queryRunner.query('CREATE INDEX absence_excuse_student ON absence_excuse (student_id, date_from)');
    await queryRunner.query(`
      CREATE TRIGGER absence_excuse_append_only BEFORE UPDATE OR DELETE ON absence_excuse
      FOR EACH ROW EXECUTE FUNCTION attendance_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE absence_excuse');
    await queryRunner.query('DROP TABLE absence_notice_history');
    await queryRunner.query('DROP TABLE absence_notice');
    await queryRunner.query('DROP FUNCTION attendance_append_only()');
    await queryRunner.query(`
      ALTER TABLE attendance_entry
        DROP CONSTRAINT attendance_entry_confirmed_absence,
        DROP COLUMN reason_confirmed_at,
        DROP COLUMN reason_confirmed_by`);
  }
}
