import type { QueryRunner } from 'typeorm';

/**
 * Batches of an import staged until it is applied: an import is larger than one NATS message, and it is applied in
 * one transaction, all or nothing, only once every batch has arrived (R-DATA-2).
 */
export async function createTransferStagingTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE school_transfer_batch (
      transfer_id uuid NOT NULL,
      table_name text NOT NULL,
      seq integer NOT NULL,
      rows jsonb NOT NULL,
      staged_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (transfer_id, table_name, seq)
    )`);
}

export async function dropTransferStagingTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('DROP TABLE school_transfer_batch');
}
