import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, type Person, type SubjectPageDays, type SubjectRoster, type WorkKind } from '#contracts';
import { currentActor } from '#platform';
import { decide } from '#policy';
import { AccessFactsService } from '../access/access-facts.service.js';
import { className } from '../classes/class-name.js';
import { scopedQuery } from '../database/scoped-query.js';
import { byName } from '../people/by-name.js';
import { PAGE_COLUMNS, PAGE_FROM, type PageRow, toPage } from '../pages/page-rows.js';

type PageWithSchoolRow = PageRow & {
  school_name: string;
  time_zone: string;
  mark_scale_min: 1 | 2;
  work_kinds: WorkKind[];
};

interface DaysRow {
  student_id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  page_id: string;
  class_id: string;
  grade: number;
  letter: string;
  group_id: string | null;
  date_from: string;
  date_to: string;
}

const PAGE_SQL = `
  SELECT ${PAGE_COLUMNS}, s.name AS school_name, s.time_zone, s.mark_scale_min, s.work_kinds
    FROM ${PAGE_FROM}
    JOIN school s ON s.id = p.school_id
   WHERE p.id = $1`;

// The pages of the subject ($2) in the school ($1) and academic year ($3), and every student's days on them within
// [$4, $5]: the class enrollment, cut to the group membership for a group page (R-CAL-3, R-CAL-4).
const SUBJECT_PAGES_SQL = `
  SELECT p.id FROM page p JOIN school_class c ON c.id = p.class_id
   WHERE p.school_id = $1 AND p.subject_code = $2 AND c.academic_year = $3`;

const DAYS_SQL = `
  WITH subject_page AS (
    SELECT p.id AS page_id, p.class_id, p.group_id, c.grade, c.letter
      FROM page p JOIN school_class c ON c.id = p.class_id
     WHERE p.school_id = $1 AND p.subject_code = $2 AND c.academic_year = $3
  ),
  days AS (
    SELECT e.student_id, sp.page_id, sp.class_id, sp.grade, sp.letter, sp.group_id,
           GREATEST(e.date_from, COALESCE(m.date_from, e.date_from), $4::date) AS date_from,
           LEAST(COALESCE(e.date_to, 'infinity'::date), COALESCE(m.date_to, 'infinity'::date), $5::date) AS date_to
      FROM subject_page sp
      JOIN enrollment e ON e.class_id = sp.class_id
      LEFT JOIN group_membership m ON m.group_id = sp.group_id AND m.student_id = e.student_id
     WHERE sp.group_id IS NULL OR m.id IS NOT NULL
  )
  SELECT d.student_id, pr.last_name, pr.first_name, pr.middle_name, d.page_id, d.class_id, d.grade, d.letter, d.group_id,
         d.date_from, d.date_to
    FROM days d
    JOIN person pr ON pr.id = d.student_id
   WHERE d.date_from <= d.date_to
     AND d.student_id IN (SELECT student_id FROM days WHERE page_id = $6 AND date_from <= date_to)
   ORDER BY d.student_id, d.date_from, d.page_id`;

/**
 * Who a page's period and year results are about (R-CAL-4): everyone on the page during the range, with their days
 * on every page of the same subject, so the journal can give a transferred student exactly one result and count all
 * their marks of the subject. Like the page's context, students only for those who may read the page.
 */
@Injectable()
export class SubjectRosterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessFactsService,
  ) {}

  async ofPage(pageId: string, from: string, to: string): Promise<SubjectRoster> {
    if (from > to) throw new DomainError(ErrorCode.ValidationFailed, 'Начало интервала позже его окончания', { from, to });
    const actor = currentActor();
    const [[row], facts] = await Promise.all([
      scopedQuery<PageWithSchoolRow>(this.dataSource, PAGE_SQL, [pageId]),
      this.access.of(actor, { type: 'page', id: pageId }),
    ]);
    if (!row) throw new DomainError(ErrorCode.NotFound, 'Страница журнала не найдена');
    const page = toPage(row);
    const school = {
      id: row.school_id,
      name: row.school_name,
      timeZone: row.time_zone,
      markScaleMin: row.mark_scale_min,
      workKinds: row.work_kinds,
    };
    // Nobody learns who is in a class through a page they may not read.
    if (actor.kind !== 'system' && !decide('lessons.read', actor, facts).allowed) {
      return { page, school, facts, subjectPageIds: [], students: [] };
    }
    const scope = [page.schoolId, page.subjectCode, page.academicYear];
    const [pages, days] = await Promise.all([
      scopedQuery<{ id: string }>(this.dataSource, SUBJECT_PAGES_SQL, scope),
      scopedQuery<DaysRow>(this.dataSource, DAYS_SQL, [...scope, from, to, pageId]),
    ]);
    return { page, school, facts, subjectPageIds: pages.map((found) => found.id), students: studentsOf(days) };
  }
}

function studentsOf(rows: readonly DaysRow[]): SubjectRoster['students'] {
  const students = new Map<string, { student: Person; days: SubjectPageDays[] }>();
  for (const row of rows) {
    let entry = students.get(row.student_id);
    if (!entry) {
      const student = { id: row.student_id, lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name };
      entry = { student, days: [] };
      students.set(row.student_id, entry);
    }
    entry.days.push({
      pageId: row.page_id,
      classId: row.class_id,
      className: className(row.grade, row.letter),
      groupId: row.group_id,
      from: row.date_from,
      to: row.date_to,
    });
  }
  return [...students.values()].sort((left, right) => byName(left.student, right.student));
}
