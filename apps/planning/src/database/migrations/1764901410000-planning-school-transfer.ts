import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTransferStagingTable, dropTransferStagingTable } from '#platform';

/** Staged batches of a school being imported (R-DATA-2). */
export class PlanningSchoolTransfer1764901410000 implements MigrationInterface {
  name = 'PlanningSchoolTransfer1764901410000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTransferStagingTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTransferStagingTable(queryRunner);
  }
}
