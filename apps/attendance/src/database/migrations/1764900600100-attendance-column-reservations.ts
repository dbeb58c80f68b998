import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The attendance part of lesson columns saved in one request (the journal coordinates): a reservation is prepared,
 * then confirmed or cancelled; while pending it blocks other attendance writes on its students at the lesson.
 */
export class AttendanceColumnReservations1764900600100 implements MigrationInterface {
  name = 'AttendanceColumnReservations1764900600100';

  async up(queryRunner: QueryRunner): Promise<void> {
    // `reserved_at` is the database's wall clock (the timeout runs on it), `recorded_at` the service's clock of the
    // write (the entries' time). A cancelled row without page and date is a cancellation that came before any prepare.
    await queryRunner.query(`
      CREATE TABLE column_reservation (
        column_id uuid PRIMARY KEY,
        lesson_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
        page_id uuid,
        lesson_date date,
        actor_id uuid,
        reason text,
        recorded_at timestamptz,
        late boolean,
        reserved_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        resolved_at timestamptz,
        resolved_by text CHECK (resolved_by IN ('journal', 'event', 'timeout')),
        CHECK ((status = 'pending') = (resolved_at IS NULL)),
        CHECK (status = 'cancelled' OR (page_id IS NOT NULL AND lesson_date IS NOT NULL AND recorded_at IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX column_reservation_one_pending ON column_reservation (lesson_id) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX column_reservation_pending_since ON column_reservation (reserved_at) WHERE status = 'pending'`,
    );
    // Each student of a column with the entry it will have once confirmed (present too), and what that changes.
    await queryRunner.query(`
      CREATE TABLE column_reservation_entry (
        column_id uuid NOT NULL REFERENCES column_reservation (column_id),
        student_id uuid NOT NULL,
        lesson_id uuid NOT NULL,
        lesson_date date NOT NULL,
        change text NOT NULL CHECK (change IN ('created', 'updated', 'deleted', 'unchanged')),
        entry jsonb NOT NULL,
        PRIMARY KEY (column_id, student_id)
      )`);
    await queryRunner.query('CREATE INDEX column_reservation_entry_key ON column_reservation_entry (lesson_id, student_id)');
    await queryRunner.query('CREATE INDEX column_reservation_entry_day ON column_reservation_entry (student_id, lesson_date)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE column_reservation_entry');
    await queryRunner.query('DROP TABLE column_reservation');
  }
}
