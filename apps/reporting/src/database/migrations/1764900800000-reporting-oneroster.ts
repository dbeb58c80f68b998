import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The rostering tables that the OneRoster API serves (R-REP-5): each keeps when it last changed. */
const TOUCHED = [
  'school',
  'person',
  'school_class',
  'class_group',
  'enrollment',
  'group_membership',
  'guardianship',
  'page',
  'subject',
  'academic_year',
  'period',
] as const;

/**
 * `updated_at` on the rostering rows of the read model for OneRoster's `dateLastModified` and delta pulls (R-REP-5):
 * set on insert, moved by a trigger only when a row really changes (replayed events leave it alone); the teachers of
 * pages from `pagesSaved` (page_teacher) for teacher enrollments.
 */
export class ReportingOneRoster1764900800000 implements MigrationInterface {
  name = 'ReportingOneRoster1764900800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.updated_at := now();
        RETURN NEW;
      END $$`);
    for (const table of TOUCHED) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table}
        FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION touch_updated_at()`);
    }
    await queryRunner.query(`
      CREATE TABLE page_teacher (
        page_id uuid NOT NULL,
        teacher_id uuid NOT NULL,
        date_from date NOT NULL,
        date_to date,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (page_id, teacher_id, date_from)
      )`);
    await queryRunner.query(`
      CREATE TRIGGER page_teacher_touch BEFORE UPDATE ON page_teacher
      FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION touch_updated_at()`);
    await queryRunner.query('CREATE INDEX page_teacher_teacher ON page_teacher (teacher_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE page_teacher');
    for (const table of TOUCHED) {
      await queryRunner.query(`DROP TRIGGER ${table}_touch ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN updated_at`);
    }
    await queryRunner.query('DROP FUNCTION touch_updated_at()');
  }
}
