import type { Page, PageAssignment } from '#contracts';
import { className } from '../classes/class-name.js';

/** The columns of a page with its class, group and assignments; select them `FROM ${PAGE_FROM}`. */
export const PAGE_COLUMNS = `
  p.id, p.school_id, p.class_id, p.group_id, p.subject_code,
  c.grade, c.letter, c.academic_year, c.class_teacher_id, g.name AS group_name,
  COALESCE((SELECT json_agg(json_build_object('teacherId', a.teacher_id, 'from', a.date_from, 'to', a.date_to)
                            ORDER BY a.date_from, a.teacher_id)
              FROM page_assignment a
             WHERE a.page_id = p.id), '[]') AS assignments`;

export const PAGE_FROM = `
  page p
  JOIN school_class c ON c.id = p.class_id
  LEFT JOIN class_group g ON g.id = p.group_id`;

export interface PageRow {
  id: string;
  school_id: string;
  class_id: string;
  group_id: string | null;
  subject_code: string;
  grade: number;
  letter: string;
  academic_year: string;
  class_teacher_id: string | null;
  group_name: string | null;
  assignments: PageAssignment[];
}

export function toPage(row: PageRow): Page {
  return {
    id: row.id,
    schoolId: row.school_id,
    classId: row.class_id,
    className: className(row.grade, row.letter),
    grade: row.grade,
    academicYear: row.academic_year,
    subjectCode: row.subject_code,
    groupId: row.group_id,
    groupName: row.group_name,
    assignments: row.assignments,
  };
}
