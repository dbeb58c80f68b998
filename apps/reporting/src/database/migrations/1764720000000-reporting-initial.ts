import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createInboxTable, createOutboxTable } from '#platform';

export class ReportingInitial1764720000000 implements MigrationInterface {
  name = 'ReportingInitial1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createOutboxTable(queryRunner);
    await createInboxTable(queryRunner);

    await queryRunner.query(`
      CREATE TABLE school (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        time_zone text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE work_kind (
        school_id uuid NOT NULL,
        code text NOT NULL,
        name_ru text NOT NULL,
        weight text NOT NULL,
        PRIMARY KEY (school_id, code)
      )`);
    await queryRunner.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY,
        last_name text NOT NULL,
        first_name text NOT NULL,
        middle_name text
      )`);
    await queryRunner.query(`
      CREATE TABLE school_class (
        id uuid PRIMARY KEY,
        school_id uuid NOT NULL,
        academic_year text NOT NULL,
        grade smallint NOT NULL,
        letter text NOT NULL,
        name text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE class_group (
        id uuid PRIMARY KEY,
        class_id uuid NOT NULL,
        subject_code text NOT NULL,
        name text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE enrollment (
        id uuid PRIMARY KEY,
        student_id uuid NOT NULL,
        class_id uuid NOT NULL,
        date_from date NOT NULL,
        date_to date
      )`);
    await queryRunner.query('CREATE INDEX enrollment_student ON enrollment (student_id, date_from)');
    await queryRunner.query('CREATE INDEX enrollment_class ON enrollment (class_id, date_from)');
    await queryRunner.query(`
      CREATE TABLE group_membership (
        id uuid PRIMARY KEY,
        student_id uuid NOT NULL,
        group_id uuid NOT NULL,
        date_from date NOT NULL,
        date_to date
      )`);
    await queryRunner.query('CREATE INDEX group_membership_student ON group_membership (student_id, group_id)');
    await queryRunner.query(`
      CREATE TABLE guardianship (
        parent_id uuid NOT NULL,
        student_id uuid NOT NULL,
        PRIMARY KEY (parent_id, student_id)
      )`);
    await queryRunner.query('CREATE INDEX guardianship_student ON guardianship (student_id)');
    await queryRunner.query(`
      CREATE TABLE page (
        id uuid PRIMARY KEY,
        school_id uuid NOT NULL,
        class_id uuid NOT NULL,
        group_id uuid,
        subject_code text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX page_class ON page (class_id)');
    await queryRunner.query(`
      CREATE TABLE subject (
        school_id uuid NOT NULL,
        code text NOT NULL,
        name_ru text NOT NULL,
        marked boolean NOT NULL,
        PRIMARY KEY (school_id, code)
      )`);
    await queryRunner.query(`
      CREATE TABLE academic_year (
        id uuid PRIMARY KEY,
        school_id uuid NOT NULL,
        label text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX academic_year_school_label ON academic_year (school_id, label)');
    await queryRunner.query(`
      CREATE TABLE period (
        id uuid PRIMARY KEY,
        year_id uuid NOT NULL,
        kind text NOT NULL,
        number smallint NOT NULL,
        name_ru text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        grade_from smallint NOT NULL,
        grade_to smallint NOT NULL,
        closed boolean NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX period_year ON period (year_id, start_date)');
    await queryRunner.query(`
      CREATE TABLE lesson (
        id uuid PRIMARY KEY,
        school_id uuid NOT NULL,
        year_id uuid NOT NULL,
        page_id uuid NOT NULL,
        class_id uuid NOT NULL,
        grade smallint NOT NULL,
        subject_code text NOT NULL,
        lesson_date date NOT NULL,
        lesson_number smallint NOT NULL,
        starts_at text NOT NULL,
        ends_at text NOT NULL,
        status text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX lesson_page_date ON lesson (page_id, lesson_date)');
    await queryRunner.query(`
      CREATE TABLE lesson_content (
        lesson_id uuid PRIMARY KEY,
        page_id uuid NOT NULL,
        topic text,
        homework text,
        version integer NOT NULL,
        entered_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE mark (
        id uuid PRIMARY KEY,
        lesson_id uuid NOT NULL,
        page_id uuid NOT NULL,
        student_id uuid NOT NULL,
        value smallint NOT NULL,
        work_kind text NOT NULL,
        entered_at timestamptz NOT NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX mark_student_lesson ON mark (student_id, lesson_id)');
    // A row with status 'present' is a tombstone: it keeps the version, so an older entry replayed later stays gone.
    await queryRunner.query(`
      CREATE TABLE attendance_entry (
        lesson_id uuid NOT NULL,
        student_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('present', 'absent', 'late')),
        reason text,
        minutes_late smallint,
        recorded_at timestamptz NOT NULL,
        version integer NOT NULL,
        PRIMARY KEY (lesson_id, student_id)
      )`);
    await queryRunner.query('CREATE INDEX attendance_entry_student ON attendance_entry (student_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE attendance_entry, mark, lesson_content, lesson, period, academic_year, subject, page, guardianship,
        group_membership, enrollment, class_group, school_class, person, work_kind, school, inbox, outbox`);
  }
}
