import type { MigrationInterface, QueryRunner } from 'typeorm';

/** People, accounts and roles, classes and groups with dated enrollments, guardianships, journal pages. */
export class IdentityRoster1764720100000 implements MigrationInterface {
  name = 'IdentityRoster1764720100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY,
        external_key text NOT NULL UNIQUE,
        last_name text NOT NULL,
        first_name text NOT NULL,
        middle_name text
      )`);
    await queryRunner.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY,
        external_key text NOT NULL UNIQUE,
        person_id uuid NOT NULL REFERENCES person (id),
        subject text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked'))
      )`);
    await queryRunner.query('CREATE INDEX account_person ON account (person_id)');
    await queryRunner.query(`
      CREATE TABLE role_grant (
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        school_id uuid NOT NULL REFERENCES school (id),
        role text NOT NULL
          CHECK (role IN ('teacher', 'deputy', 'coordinator', 'sysadmin', 'director', 'parent', 'student')),
        PRIMARY KEY (account_id, school_id, role)
      )`);
    await queryRunner.query('CREATE INDEX role_grant_school ON role_grant (school_id)');
    await queryRunner.query(`
      CREATE TABLE school_class (
        id uuid PRIMARY KEY,
        school_id uuid NOT NULL REFERENCES school (id),
        external_key text NOT NULL UNIQUE,
        academic_year text NOT NULL CHECK (academic_year ~ '^[0-9]{4}/[0-9]{4}$'),
        grade smallint NOT NULL CHECK (grade BETWEEN 1 AND 11),
        letter text NOT NULL,
        class_teacher_id uuid REFERENCES person (id)
      )`);
    await queryRunner.query('CREATE INDEX school_class_school ON school_class (school_id, academic_year)');
    await queryRunner.query(
      'CREATE INDEX school_class_teacher ON school_class (class_teacher_id) WHERE class_teacher_id IS NOT NULL',
    );
    await queryRunner.query(`
      CREATE TABLE class_group (
        id uuid PRIMARY KEY,
        external_key text NOT NULL UNIQUE,
        class_id uuid NOT NULL REFERENCES school_class (id),
        subject_code text NOT NULL,
        name text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX class_group_class ON class_group (class_id)');
    await queryRunner.query(`
      CREATE TABLE enrollment (
        id uuid PRIMARY KEY,
        student_id uuid NOT NULL REFERENCES person (id),
        class_id uuid NOT NULL REFERENCES school_class (id),
        date_from date NOT NULL,
        date_to date CHECK (date_to IS NULL OR date_to >= date_from),
        UNIQUE (student_id, class_id, date_from)
      )`);
    await queryRunner.query('CREATE INDEX enrollment_class ON enrollment (class_id, date_from)');
    await queryRunner.query(`
      CREATE TABLE group_membership (
        id uuid PRIMARY KEY,
        student_id uuid NOT NULL REFERENCES person (id),
        group_id uuid NOT NULL REFERENCES class_group (id),
        date_from date NOT NULL,
        date_to date CHECK (date_to IS NULL OR date_to >= date_from),
        UNIQUE (student_id, group_id, date_from)
      )`);
    await queryRunner.query('CREATE INDEX group_membership_group ON group_membership (group_id, date_from)');
    await queryRunner.query(`
      CREATE TABLE guardianship (
        parent_id uuid NOT NULL REFERENCES person (id),
        student_id uuid NOT NULL REFERENCES person (id),
        PRIMARY KEY (parent_id, student_id),
        CHECK (parent_id <> student_id)
      )`);
    await queryRunner.query('CREATE INDEX guardianship_student ON guardianship (student_id)');
    await queryRunner.query(`
      CREATE TABLE page (
        id uuid PRIMARY KEY,
        school_id uuid NOT NULL REFERENCES school (id),
        external_key text NOT NULL UNIQUE,
        class_id uuid NOT NULL REFERENCES school_class (id),
        group_id uuid REFERENCES class_group (id),
        subject_code text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX page_school ON page (school_id)');
    await queryRunner.query('CREATE INDEX page_class ON page (class_id)');
    await queryRunner.query('CREATE INDEX page_group ON page (group_id) WHERE group_id IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE page_assignment (
        page_id uuid NOT NULL REFERENCES page (id) ON DELETE CASCADE,
        teacher_id uuid NOT NULL REFERENCES person (id),
        date_from date NOT NULL,
        date_to date CHECK (date_to IS NULL OR date_to >= date_from),
        PRIMARY KEY (page_id, teacher_id, date_from)
      )`);
    await queryRunner.query('CREATE INDEX page_assignment_teacher ON page_assignment (teacher_id, date_from)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'page_assignment',
      'page',
      'guardianship',
      'group_membership',
      'enrollment',
      'class_group',
      'school_class',
      'role_grant',
      'account',
      'person',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
