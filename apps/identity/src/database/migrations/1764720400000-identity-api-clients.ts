import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Machine clients (the municipal portal) with OAuth2 scopes and granted schools; only a hash of the secret is kept. */
export class IdentityApiClients1764720400000 implements MigrationInterface {
  name = 'IdentityApiClients1764720400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_client (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        secret_hash text NOT NULL,
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
        school_ids uuid[] NOT NULL CHECK (cardinality(school_ids) > 0),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
        created_at timestamptz NOT NULL,
        created_by uuid NOT NULL,
        revoked_at timestamptz,
        revoked_by uuid,
        CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX api_client_schools ON api_client USING gin (school_ids)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE api_client');
  }
}
