import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ConsistencyCounts } from '#contracts';

/**
 * The read model's totals of a school, measure by measure as the source services count them (issue 6, item 7): a
 * deleted mark and a 'present' attendance row (tombstones) do not count, nor does a result taken back.
 */
const COUNTS_SQL = `
  WITH classes AS (SELECT id FROM school_class WHERE school_id = $1),
  groups AS (SELECT g.id FROM class_group g JOIN classes c ON c.id = g.class_id),
  enrollments AS (SELECT e.student_id FROM enrollment e JOIN classes c ON c.id = e.class_id),
  pages AS (SELECT id FROM page WHERE school_id = $1),
  entries AS (
    SELECT a.status, a.reason FROM attendance_entry a JOIN lesson l ON l.id = a.lesson_id
     WHERE l.school_id = $1 AND a.status <> 'present'
  )
  SELECT (SELECT count(*) FROM classes)::int AS "identity.classes",
         (SELECT count(*) FROM groups)::int AS "identity.groups",
         (SELECT count(*) FROM pages)::int AS "identity.pages",
         (SELECT count(*) FROM enrollments)::int AS "identity.enrollments",
         (SELECT count(DISTINCT student_id) FROM enrollments)::int AS "identity.studentsEnrolled",
         (SELECT count(*) FROM group_membership m JOIN groups g ON g.id = m.group_id)::int AS "identity.groupMemberships",
         (SELECT count(*) FROM guardianship gu
           WHERE gu.student_id IN (SELECT student_id FROM enrollments))::int AS "identity.guardianships",
         (SELECT count(*) FROM academic_year WHERE school_id = $1)::int AS "planning.years",
         (SELECT count(*) FROM period p JOIN academic_year y ON y.id = p.year_id WHERE y.school_id = $1)::int AS "planning.periods",
         (SELECT count(*) FROM subject WHERE school_id = $1)::int AS "planning.subjects",
         (SELECT count(*) FROM lesson WHERE school_id = $1 AND status = 'scheduled')::int AS "planning.lessons.scheduled",
         (SELECT count(*) FROM lesson WHERE school_id = $1 AND status = 'cancelled')::int AS "planning.lessons.cancelled",
         (SELECT count(*) FROM mark m JOIN pages p ON p.id = m.page_id)::int AS "journal.marks",
         (SELECT count(*) FROM lesson_content c JOIN pages p ON p.id = c.page_id
           WHERE c.topic IS NOT NULL AND c.topic <> '')::int AS "journal.lessons.withTopic",
         (SELECT count(*) FROM lesson_content c JOIN pages p ON p.id = c.page_id
           WHERE c.homework IS NOT NULL AND c.homework <> '')::int AS "journal.lessons.withHomework",
         (SELECT count(*) FROM final_result
           WHERE school_id = $1 AND term = 'period' AND value IS NOT NULL)::int AS "journal.results.period",
         (SELECT count(*) FROM final_result
           WHERE school_id = $1 AND term = 'year' AND value IS NOT NULL)::int AS "journal.results.year",
         (SELECT count(*) FROM entries WHERE status = 'absent' AND reason = 'illness')::int AS "attendance.absent.illness",
         (SELECT count(*) FROM entries WHERE status = 'absent' AND reason = 'excused')::int AS "attendance.absent.excused",
         (SELECT count(*) FROM entries WHERE status = 'absent' AND reason = 'unexcused')::int AS "attendance.absent.unexcused",
         (SELECT count(*) FROM entries WHERE status = 'absent' AND reason IS NULL)::int AS "attendance.absent.unstated",
         (SELECT count(*) FROM entries WHERE status = 'late')::int AS "attendance.late"`;

@Injectable()
export class ReadModelCountsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(schoolId: string): Promise<{ counts: ConsistencyCounts }> {
    const [counts] = await this.dataSource.query<ConsistencyCounts[]>(COUNTS_SQL, [schoolId]);
    return { counts: counts! };
  }
}
