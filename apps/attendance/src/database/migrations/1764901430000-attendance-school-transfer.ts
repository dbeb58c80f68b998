import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTransferStagingTable, dropTransferStagingTable } from '#platform';

/** Staged batches of a school being imported (R-DATA-2). */
export class AttendanceSchoolTransfer1764901430000 implements MigrationInterface {
  name = 'AttendanceSchoolTransfer1764901430000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTransferStagingTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTransferStagingTable(queryRunner);
  }
}
