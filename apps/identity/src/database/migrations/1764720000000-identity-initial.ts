import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxTable } from '#platform';

export class IdentityInitial1764720000000 implements MigrationInterface {
  name = 'IdentityInitial1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createOutboxTable(queryRunner);
    await queryRunner.query(`
      CREATE TABLE school (
        id uuid PRIMARY KEY,
        external_key text NOT NULL UNIQUE,
        name text NOT NULL,
        time_zone text NOT NULL,
        mark_scale_min smallint NOT NULL CHECK (mark_scale_min IN (1, 2)),
        work_kinds jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE school');
    await queryRunner.query('DROP TABLE outbox');
  }
}
