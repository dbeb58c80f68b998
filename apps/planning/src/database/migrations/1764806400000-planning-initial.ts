import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxTable } from '#platform';

export class PlanningInitial1764806400000 implements MigrationInterface {
  name = 'PlanningInitial1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createOutboxTable(queryRunner);
    await queryRunner.query(`
      CREATE TABLE academic_year (
        id uuid PRIMARY KEY,
        school_id uuid NOT NULL,
        label text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL CHECK (end_date >= start_date),
        derived boolean NOT NULL,
        days_per_week smallint NOT NULL CHECK (days_per_week IN (5, 6)),
        working_weekend_days jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (school_id, label)
      )`);
    await queryRunner.query(`
      CREATE TABLE period (
        id uuid PRIMARY KEY,
        year_id uuid NOT NULL REFERENCES academic_year (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('quarter', 'half-year', 'trimester')),
        number smallint NOT NULL,
        name_ru text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL CHECK (end_date >= start_date),
        grade_from smallint NOT NULL,
        grade_to smallint NOT NULL CHECK (grade_to >= grade_from),
        closed boolean NOT NULL DEFAULT false,
        UNIQUE (year_id, kind, number, grade_from, grade_to)
      )`);
    await queryRunner.query(`
      CREATE TABLE school_break (
        year_id uuid NOT NULL REFERENCES academic_year (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        kind text NOT NULL,
        name_ru text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL CHECK (end_date >= start_date),
        grade_from smallint NOT NULL,
        grade_to smallint NOT NULL CHECK (grade_to >= grade_from),
        PRIMARY KEY (year_id, position)
      )`);
    await queryRunner.query(`
      CREATE TABLE day_off (
        year_id uuid NOT NULL REFERENCES academic_year (id) ON DELETE CASCADE,
        date date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('public-holiday', 'transferred-day-off')),
        name_ru text NOT NULL,
        PRIMARY KEY (year_id, date)
      )`);
    await queryRunner.query(`
      CREATE TABLE subject (
        school_id uuid NOT NULL,
        code text NOT NULL,
        name_ru text NOT NULL,
        marked boolean NOT NULL,
        PRIMARY KEY (school_id, code)
      )`);
    await queryRunner.query(`
      CREATE TABLE bell (
        school_id uuid NOT NULL,
        lesson_number smallint NOT NULL,
        starts_at text NOT NULL,
        ends_at text NOT NULL,
        PRIMARY KEY (school_id, lesson_number)
      )`);
    await queryRunner.query(`
      CREATE TABLE timetable_slot (
        year_id uuid NOT NULL REFERENCES academic_year (id) ON DELETE CASCADE,
        class_id uuid NOT NULL,
        grade smallint NOT NULL,
        page_id uuid NOT NULL,
        group_id uuid,
        subject_code text NOT NULL,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 6),
        lesson_number smallint NOT NULL,
        PRIMARY KEY (year_id, class_id, weekday, lesson_number, page_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE lesson (
        id uuid PRIMARY KEY,
        school_id uuid NOT NULL,
        year_id uuid NOT NULL REFERENCES academic_year (id),
        page_id uuid NOT NULL,
        class_id uuid NOT NULL,
        grade smallint NOT NULL,
        subject_code text NOT NULL,
        date date NOT NULL,
        lesson_number smallint NOT NULL,
        starts_at text NOT NULL,
        ends_at text NOT NULL,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (page_id, date, lesson_number)
      )`);
    await queryRunner.query('CREATE INDEX lesson_year ON lesson (year_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['lesson', 'timetable_slot', 'bell', 'subject', 'day_off', 'school_break', 'period', 'academic_year', 'outbox']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
