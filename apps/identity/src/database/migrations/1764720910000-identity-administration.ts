import type { MigrationInterface, QueryRunner } from 'typeorm';

const APPEND_ONLY_LOGS = ['access_log', 'personal_data_log', 'roster_log'] as const;

/**
 * Administration of access and of the roster: accounts awaiting their subject (linked later or by SNILS), the
 * school's setting for that, the access log; personal data apart from the person, the school's personal-data list
 * and the log of reads (R-ACC-2); archived classes, groups and students, roster change requests and the roster log.
 * The three logs are append-only.
 */
export class IdentityAdministration1764720910000 implements MigrationInterface {
  name = 'IdentityAdministration1764720910000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE account ALTER COLUMN subject DROP NOT NULL');
    await queryRunner.query('ALTER TABLE account ADD COLUMN school_id uuid REFERENCES school (id)');
    await queryRunner.query(`
      UPDATE account a
         SET school_id = (SELECT g.school_id FROM role_grant g WHERE g.account_id = a.id ORDER BY g.school_id LIMIT 1)`);
    await queryRunner.query('CREATE INDEX account_school ON account (school_id)');
    await queryRunner.query(
      "CREATE INDEX account_awaiting_subject ON account (person_id) WHERE subject IS NULL AND status = 'active'",
    );
    await queryRunner.query('ALTER TABLE school ADD COLUMN snils_matching boolean NOT NULL DEFAULT false');
    await queryRunner.query(`
      CREATE TABLE access_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        school_id uuid NOT NULL REFERENCES school (id),
        actor_id uuid,
        account_id uuid REFERENCES account (id),
        person_id uuid REFERENCES person (id),
        change text NOT NULL,
        role text
      )`);
    await queryRunner.query('CREATE INDEX access_log_school ON access_log (school_id, id DESC)');

    await queryRunner.query(`
      CREATE TABLE personal_data (
        person_id uuid PRIMARY KEY REFERENCES person (id),
        birth_date date,
        address text,
        phones text[] NOT NULL DEFAULT '{}',
        document jsonb,
        snils text,
        updated_at timestamptz NOT NULL,
        updated_by uuid
      )`);
    await queryRunner.query('CREATE INDEX personal_data_snils ON personal_data (snils) WHERE snils IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE personal_data_staff (
        school_id uuid NOT NULL REFERENCES school (id),
        person_id uuid NOT NULL REFERENCES person (id),
        added_at timestamptz NOT NULL,
        added_by uuid,
        PRIMARY KEY (school_id, person_id)
      )`);
    await queryRunner.query('CREATE INDEX personal_data_staff_person ON personal_data_staff (person_id)');
    await queryRunner.query(`
      CREATE TABLE personal_data_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        action text NOT NULL CHECK (action IN ('read', 'write')),
        reader_id uuid,
        person_id uuid NOT NULL REFERENCES person (id),
        school_ids uuid[] NOT NULL,
        fields text[] NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX personal_data_log_schools ON personal_data_log USING gin (school_ids)');

    await queryRunner.query('ALTER TABLE school_class ADD COLUMN archived_at timestamptz');
    await queryRunner.query('ALTER TABLE class_group ADD COLUMN archived_at timestamptz');
    await queryRunner.query('ALTER TABLE person ADD COLUMN archived_at timestamptz');
    await queryRunner.query('CREATE INDEX enrollment_student ON enrollment (student_id, date_from)');
    await queryRunner.query('CREATE INDEX group_membership_student ON group_membership (student_id, date_from)');
    await queryRunner.query(`
      CREATE TABLE roster_request (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        school_id uuid NOT NULL REFERENCES school (id),
        class_id uuid NOT NULL REFERENCES school_class (id),
        change jsonb NOT NULL,
        comment text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'rejected')),
        submitted_by uuid,
        submitted_at timestamptz NOT NULL,
        decided_by uuid,
        decided_at timestamptz,
        reason text,
        CHECK ((status = 'pending') = (decided_at IS NULL))
      )`);
    await queryRunner.query('CREATE INDEX roster_request_class ON roster_request (class_id, seq)');
    await queryRunner.query('CREATE INDEX roster_request_school ON roster_request (school_id, status, seq)');
    await queryRunner.query(`
      CREATE TABLE roster_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id uuid,
        school_id uuid NOT NULL REFERENCES school (id),
        class_id uuid REFERENCES school_class (id),
        person_id uuid REFERENCES person (id),
        change text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query('CREATE INDEX roster_log_school ON roster_log (school_id, id DESC)');

    await queryRunner.query(`
      CREATE FUNCTION refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'The % is append-only', TG_TABLE_NAME;
      END
      $$`);
    for (const table of APPEND_ONLY_LOGS) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_log_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['roster_log', 'roster_request', 'personal_data_log', 'personal_data_staff', 'personal_data', 'access_log']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query('DROP FUNCTION refuse_log_change()');
    await queryRunner.query('DROP INDEX group_membership_student');
    await queryRunner.query('DROP INDEX enrollment_student');
    await queryRunner.query('ALTER TABLE person DROP COLUMN archived_at');
    await queryRunner.query('ALTER TABLE class_group DROP COLUMN archived_at');
    await queryRunner.query('ALTER TABLE school_class DROP COLUMN archived_at');
    await queryRunner.query('ALTER TABLE school DROP COLUMN snils_matching');
    await queryRunner.query('DROP INDEX account_awaiting_subject');
    await queryRunner.query('DROP INDEX account_school');
    await queryRunner.query('ALTER TABLE account DROP COLUMN school_id');
    await queryRunner.query('ALTER TABLE account ALTER COLUMN subject SET NOT NULL');
  }
}
