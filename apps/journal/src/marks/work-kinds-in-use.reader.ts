import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Which kinds of work marks on some pages have, deleted marks included: their history names the kind (R-MARK-4). */
@Injectable()
export class WorkKindsInUseReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(pageIds: readonly string[], workKinds: readonly string[]): Promise<{ workKinds: string[] }> {
    if (pageIds.length === 0 || workKinds.length === 0) return { workKinds: [] };
    const rows = await this.dataSource.query<Array<{ work_kind: string }>>(
      `SELECT DISTINCT work_kind FROM mark
        WHERE page_id = ANY($1::uuid[]) AND work_kind = ANY($2::text[])
        ORDER BY work_kind`,
      [pageIds, workKinds],
    );
    return { workKinds: rows.map((row) => row.work_kind) };
  }
}
