import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parents' notifications (R-REP-4): not part of the read model (a rebuild keeps them), fed by their own durable
 * consumer with its own inbox; e-mails leave through an outbox of their own.
 */
export class ReportingNotifications1764901200000 implements MigrationInterface {
  name = 'ReportingNotifications1764901200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification_inbox (
        event_id uuid PRIMARY KEY,
        subject text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The last version of each mark, attendance entry and result seen, and its value: a replayed or older event
    // notifies nobody, and a change shows what it changed from.
    await queryRunner.query(`
      CREATE TABLE notification_source (
        source_key text PRIMARY KEY,
        version integer NOT NULL,
        value text
      )`);
    await queryRunner.query(`
      CREATE TABLE notification_settings (
        person_id uuid PRIMARY KEY,
        email text,
        email_mode text NOT NULL CHECK (email_mode IN ('instant', 'digest', 'off')),
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE notification (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        recipient_id uuid NOT NULL,
        student_id uuid NOT NULL,
        school_id uuid,
        kind text NOT NULL CHECK (kind IN ('mark', 'attendance', 'result')),
        change text NOT NULL CHECK (change IN ('added', 'changed', 'removed')),
        subject_code text,
        subject_name text,
        lesson_date date,
        term_name text,
        value text,
        previous_value text,
        text text NOT NULL,
        source_key text NOT NULL,
        source_version integer NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        email_state text NOT NULL CHECK (email_state IN ('none', 'instant', 'digest', 'digested')),
        UNIQUE (recipient_id, source_key, source_version)
      )`);
    await queryRunner.query('CREATE INDEX notification_feed ON notification (recipient_id, seq DESC)');
    await queryRunner.query('CREATE INDEX notification_unread ON notification (recipient_id) WHERE read_at IS NULL');
    await queryRunner.query(
      "CREATE INDEX notification_digest_pending ON notification (recipient_id, created_at) WHERE email_state = 'digest'",
    );
    // One row per e-mail: claimed with FOR UPDATE SKIP LOCKED and a lease, retried with backoff, never deleted.
    // The address is not stored here: it is read from the settings when the e-mail is sent.
    await queryRunner.query(`
      CREATE TABLE email_outbox (
        id uuid PRIMARY KEY,
        recipient_id uuid NOT NULL,
        dedupe_key text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('instant', 'digest')),
        subject text NOT NULL,
        body text NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz
      )`);
    await queryRunner.query(
      "CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE state IN ('pending', 'sending')",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE email_outbox, notification, notification_settings, notification_source, notification_inbox');
  }
}
