import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read-model tables behind OneRoster gradebook and the attendance feed: each keeps when it last really changed. */
const TOUCHED = ['lesson', 'lesson_content', 'mark', 'final_result', 'attendance_entry'] as const;

/**
 * Delta pulls of the municipal API (R-REP-5): `updated_at` on marks, lessons, topics, period results and attendance
 * (moved by the existing `touch_updated_at` trigger only when a row really changes, so a replayed event shows up in no
 * delta); a removed mark leaves a row in `gradebook_removed_mark` (OneRoster `tobedeleted`), and the kinds of work a
 * school ever had stay in `gradebook_category` with the time their name or weight last changed (the school's event
 * rewrites `work_kind` as a whole). Indexes for "changed since" on the big tables.
 */
export class ReportingMunicipalApi1764901300000 implements MigrationInterface {
  name = 'ReportingMunicipalApi1764901300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TOUCHED) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table}
        FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION touch_updated_at()`);
    }
    await queryRunner.query('CREATE INDEX municipal_mark_updated ON mark (updated_at)');
    await queryRunner.query('CREATE INDEX municipal_mark_page ON mark (page_id)');
    await queryRunner.query('CREATE INDEX municipal_attendance_updated ON attendance_entry (updated_at)');
    await queryRunner.query('CREATE INDEX municipal_lesson_school_date ON lesson (school_id, lesson_date)');
    await queryRunner.query('CREATE INDEX municipal_final_result_page ON final_result (page_id)');

    await queryRunner.query(`
      CREATE TABLE gradebook_removed_mark (
        id uuid PRIMARY KEY,
        lesson_id uuid NOT NULL,
        page_id uuid NOT NULL,
        student_id uuid NOT NULL,
        value smallint NOT NULL,
        work_kind text NOT NULL,
        removed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX gradebook_removed_mark_page ON gradebook_removed_mark (page_id)');
    await queryRunner.query(`
      CREATE FUNCTION gradebook_mark_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO gradebook_removed_mark (id, lesson_id, page_id, student_id, value, work_kind)
        VALUES (OLD.id, OLD.lesson_id, OLD.page_id, OLD.student_id, OLD.value, OLD.work_kind)
        ON CONFLICT (id) DO UPDATE SET value = excluded.value, work_kind = excluded.work_kind, removed_at = now();
        RETURN OLD;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION gradebook_mark_restored() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM gradebook_removed_mark WHERE id = NEW.id;
        RETURN NEW;
      END $$`);
    await queryRunner.query('CREATE TRIGGER mark_removed AFTER DELETE ON mark FOR EACH ROW EXECUTE FUNCTION gradebook_mark_removed()');
    await queryRunner.query('CREATE TRIGGER mark_restored AFTER INSERT ON mark FOR EACH ROW EXECUTE FUNCTION gradebook_mark_restored()');

    await queryRunner.query(`
      CREATE TABLE gradebook_category (
        school_id uuid NOT NULL,
        code text NOT NULL,
        name_ru text NOT NULL,
        weight text NOT NULL,
        removed boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, code)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION gradebook_category_seen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO gradebook_category (school_id, code, name_ru, weight)
        VALUES (NEW.school_id, NEW.code, NEW.name_ru, NEW.weight)
        ON CONFLICT (school_id, code) DO UPDATE
          SET name_ru = excluded.name_ru, weight = excluded.weight, removed = false, updated_at = now()
        WHERE (gradebook_category.name_ru, gradebook_category.weight, gradebook_category.removed)
          IS DISTINCT FROM (excluded.name_ru, excluded.weight, false);
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER work_kind_seen AFTER INSERT ON work_kind FOR EACH ROW EXECUTE FUNCTION gradebook_category_seen()',
    );
    // The school's event deletes and inserts its kinds in one transaction: at commit, a kind still missing was removed.
    await queryRunner.query(`
      CREATE FUNCTION gradebook_category_gone() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM work_kind WHERE school_id = OLD.school_id AND code = OLD.code) THEN
          UPDATE gradebook_category SET removed = true, updated_at = now()
          WHERE school_id = OLD.school_id AND code = OLD.code AND NOT removed;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER work_kind_gone AFTER DELETE ON work_kind DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION gradebook_category_gone()`);
    await queryRunner.query(`
      INSERT INTO gradebook_category (school_id, code, name_ru, weight)
      SELECT school_id, code, name_ru, weight FROM work_kind`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER work_kind_gone ON work_kind');
    await queryRunner.query('DROP FUNCTION gradebook_category_gone()');
    await queryRunner.query('DROP TRIGGER work_kind_seen ON work_kind');
    await queryRunner.query('DROP TABLE gradebook_category');
    await queryRunner.query('DROP FUNCTION gradebook_category_seen()');
    await queryRunner.query('DROP TRIGGER mark_removed ON mark');
    await queryRunner.query('DROP TRIGGER mark_restored ON mark');
    await queryRunner.query('DROP FUNCTION gradebook_mark_removed()');
    await queryRunner.query('DROP FUNCTION gradebook_mark_restored()');
    await queryRunner.query('DROP TABLE gradebook_removed_mark');
    await queryRunner.query('DROP INDEX municipal_mark_updated, municipal_mark_page, municipal_attendance_updated, municipal_lesson_school_date, municipal_final_result_page');
    for (const table of TOUCHED) {
      await queryRunner.query(`DROP TRIGGER ${table}_touch ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN updated_at`);
    }
  }
}
