import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ConsistencyCounts } from '#contracts';

/** Identity's own totals of a school; reporting computes the same from its read model (issue 6, item 7). */
const COUNTS_SQL = `
  WITH classes AS (SELECT id FROM school_class WHERE school_id = $1),
  groups AS (SELECT g.id FROM class_group g JOIN classes c ON c.id = g.class_id),
  enrollments AS (SELECT e.student_id FROM enrollment e JOIN classes c ON c.id = e.class_id)
  SELECT (SELECT count(*) FROM classes)::int AS "identity.classes",
         (SELECT count(*) FROM groups)::int AS "identity.groups",
         (SELECT count(*) FROM page WHERE school_id = $1)::int AS "identity.pages",
         (SELECT count(*) FROM enrollments)::int AS "identity.enrollments",
         (SELECT count(DISTINCT student_id) FROM enrollments)::int AS "identity.studentsEnrolled",
         (SELECT count(*) FROM group_membership m JOIN groups g ON g.id = m.group_id)::int AS "identity.groupMemberships",
         (SELECT count(*) FROM guardianship gu
           WHERE gu.student_id IN (SELECT student_id FROM enrollments))::int AS "identity.guardianships"`;

@Injectable()
export class IdentityCountsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async schools(): Promise<{ schoolIds: string[] }> {
    const rows = await this.dataSource.query<Array<{ id: string }>>('SELECT id FROM school ORDER BY id');
    return { schoolIds: rows.map((row) => row.id) };
  }

  async of(schoolId: string): Promise<{ counts: ConsistencyCounts; pageIds: string[] }> {
    const [counts] = await this.dataSource.query<ConsistencyCounts[]>(COUNTS_SQL, [schoolId]);
    const pages = await this.dataSource.query<Array<{ id: string }>>('SELECT id FROM page WHERE school_id = $1 ORDER BY id', [schoolId]);
    return { counts: counts!, pageIds: pages.map((page) => page.id) };
  }
}
