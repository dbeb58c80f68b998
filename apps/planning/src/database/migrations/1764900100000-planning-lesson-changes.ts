import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-off changes of lessons and the regeneration of the calendar (R-PLAN-3): where the timetable put each lesson
 * (kept when the lesson moves), lessons added outside the timetable, the page's group, and the log of changes.
 */
export class PlanningLessonChanges1764900100000 implements MigrationInterface {
  name = 'PlanningLessonChanges1764900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE lesson
        ADD COLUMN group_id uuid,
        ADD COLUMN origin text NOT NULL DEFAULT 'timetable' CHECK (origin IN ('timetable', 'extra')),
        ADD COLUMN planned_date date,
        ADD COLUMN planned_lesson_number smallint`);
    await queryRunner.query('UPDATE lesson SET planned_date = date, planned_lesson_number = lesson_number');
    await queryRunner.query(`
      UPDATE lesson l SET group_id = s.group_id
        FROM (SELECT DISTINCT year_id, page_id, group_id FROM timetable_slot WHERE group_id IS NOT NULL) s
       WHERE s.year_id = l.year_id AND s.page_id = l.page_id`);
    await queryRunner.query(`
      ALTER TABLE lesson ADD CONSTRAINT lesson_planned_place
        CHECK ((origin = 'timetable') = (planned_date IS NOT NULL AND planned_lesson_number IS NOT NULL))`);
    // A timetable place gives one lesson, wherever it was moved since.
    await queryRunner.query(`
      CREATE UNIQUE INDEX lesson_planned_slot ON lesson (page_id, planned_date, planned_lesson_number)
       WHERE origin = 'timetable'`);
    await queryRunner.query('CREATE INDEX lesson_class_date ON lesson (class_id, date, lesson_number)');
    await queryRunner.query(`
      CREATE TABLE lesson_change (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL,
        school_id uuid NOT NULL,
        year_id uuid NOT NULL REFERENCES academic_year (id),
        lesson_id uuid NOT NULL,
        page_id uuid NOT NULL,
        class_id uuid NOT NULL,
        subject_code text NOT NULL,
        kind text NOT NULL
          CHECK (kind IN ('cancelled', 'moved', 'substituted', 'substitute-removed', 'added', 'removed')),
        date date NOT NULL,
        lesson_number smallint NOT NULL,
        moved_from_date date,
        moved_from_lesson_number smallint,
        substitute_id uuid,
        reason text,
        actor_id uuid,
        at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX lesson_change_school_date ON lesson_change (school_id, date)');
    await queryRunner.query('CREATE INDEX lesson_change_school_moved_from ON lesson_change (school_id, moved_from_date)');
    await queryRunner.query('CREATE INDEX lesson_change_lesson ON lesson_change (lesson_id, seq)');
    // The log is a record of what people did: rows are never changed or deleted.
    await queryRunner.query(`
      CREATE FUNCTION lesson_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'lesson_change is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER lesson_change_append_only BEFORE UPDATE OR DELETE ON lesson_change
      FOR EACH ROW EXECUTE FUNCTION lesson_change_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE lesson_change');
    await queryRunner.query('DROP FUNCTION lesson_change_append_only()');
    await queryRunner.query('DROP INDEX lesson_class_date');
    await queryRunner.query('DROP INDEX lesson_planned_slot');
    await queryRunner.query(`
      ALTER TABLE lesson DROP CONSTRAINT lesson_planned_place,
        DROP COLUMN planned_lesson_number, DROP COLUMN planned_date, DROP COLUMN origin, DROP COLUMN group_id`);
  }
}
