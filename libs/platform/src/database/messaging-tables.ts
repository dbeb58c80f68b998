import type { QueryRunner } from 'typeorm';

/** The transactional outbox: events written with the change, published to JetStream after commit. */
export async function createOutboxTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE outbox (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      subject text NOT NULL,
      payload jsonb NOT NULL,
      request_id text,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`);
  await queryRunner.query('CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL');
}

/** The inbox: ids of events already applied, so that a redelivered event changes nothing. */
export async function createInboxTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE inbox (
      event_id uuid PRIMARY KEY,
      subject text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now()
    )`);
}
