import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ConsistencyCounts } from '#contracts';

/**
 * The journal's own totals of a school (marks on the school's pages, as the journal keeps no school on a mark);
 * reporting computes the same from its read model (issue 6, item 7). Deleted marks and taken-back results do not count.
 */
const COUNTS_SQL = `
  SELECT (SELECT count(*) FROM mark WHERE page_id = ANY($2::uuid[]) AND deleted_at IS NULL)::int AS "journal.marks",
         (SELECT count(*) FROM lesson_record
           WHERE school_id = $1 AND topic IS NOT NULL AND topic <> '')::int AS "journal.lessons.withTopic",
         (SELECT count(*) FROM lesson_record
           WHERE school_id = $1 AND homework IS NOT NULL AND homework <> '')::int AS "journal.lessons.withHomework",
         (SELECT count(*) FROM final_result
           WHERE school_id = $1 AND term = 'period' AND value IS NOT NULL)::int AS "journal.results.period",
         (SELECT count(*) FROM final_result
           WHERE school_id = $1 AND term = 'year' AND value IS NOT NULL)::int AS "journal.results.year"`;

@Injectable()
export class JournalCountsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(schoolId: string, pageIds: readonly string[]): Promise<{ counts: ConsistencyCounts }> {
    const [counts] = await this.dataSource.query<ConsistencyCounts[]>(COUNTS_SQL, [schoolId, pageIds]);
    return { counts: counts! };
  }
}
