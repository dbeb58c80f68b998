import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTransferStagingTable, dropTransferStagingTable } from '#platform';

/** Staged batches of a school being imported (R-DATA-2). */
export class IdentitySchoolTransfer1764901400000 implements MigrationInterface {
  name = 'IdentitySchoolTransfer1764901400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTransferStagingTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTransferStagingTable(queryRunner);
  }
}
