import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ConsistencyCounts } from '#contracts';

/** Planning's own totals of a school; reporting computes the same from its read model (issue 6, item 7). */
const COUNTS_SQL = `
  SELECT (SELECT count(*) FROM academic_year WHERE school_id = $1)::int AS "planning.years",
         (SELECT count(*) FROM period p JOIN academic_year y ON y.id = p.year_id WHERE y.school_id = $1)::int AS "planning.periods",
         (SELECT count(*) FROM subject WHERE school_id = $1)::int AS "planning.subjects",
         (SELECT count(*) FROM lesson WHERE school_id = $1 AND status = 'scheduled')::int AS "planning.lessons.scheduled",
         (SELECT count(*) FROM lesson WHERE school_id = $1 AND status = 'cancelled')::int AS "planning.lessons.cancelled"`;

@Injectable()
export class PlanningCountsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(schoolId: string): Promise<{ counts: ConsistencyCounts }> {
    const [counts] = await this.dataSource.query<ConsistencyCounts[]>(COUNTS_SQL, [schoolId]);
    return { counts: counts! };
  }
}
