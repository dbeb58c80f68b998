import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, type ExportedFile, type PagePrintRpc, type RpcRequest } from '#contracts';
import { type PersonColumns, toPersonName } from '../common/person-row.js';
import { compareNames } from '../common/russian-order.js';
import { PERIOD_SELECT, type PeriodColumns } from '../periods/period-ref.js';
import { periodOfClassByIdSql } from '../periods/period-sql.js';
import { cellText, type JournalPage, surnameAndInitials } from './journal-page.js';
import { renderJournalPagePdf } from './journal-page-pdf.js';

interface PageRow extends PeriodColumns {
  school_name: string;
  class_name: string;
  academic_year: string;
  subject_name: string;
  group_name: string | null;
}

type StudentRow = PersonColumns & { id: string };

interface LessonRow {
  id: string;
  lesson_date: string;
  topic: string | null;
  homework: string | null;
}

interface LessonStudentRow {
  lesson_id: string;
  student_id: string;
}

type MarkRow = LessonStudentRow & { value: number };

// The page, its school, class, subject and group, and the period asked for (only one of the page's school).
const PAGE_SQL = `
  SELECT s.name AS school_name, c.name AS class_name, c.academic_year,
         COALESCE(sj.name_ru, p.subject_code) AS subject_name, g.name AS group_name, ${PERIOD_SELECT}
  FROM page p
  JOIN school s ON s.id = p.school_id
  JOIN school_class c ON c.id = p.class_id
  LEFT JOIN subject sj ON sj.school_id = p.school_id AND sj.code = p.subject_code
  LEFT JOIN class_group g ON g.id = p.group_id
  LEFT JOIN LATERAL (${periodOfClassByIdSql('c', '$2')}) pr ON true
  WHERE p.id = $1`;

// Those who taught the page during the period (R-ACC-3), in the order they took it.
const TEACHERS_SQL = `
  SELECT pe.last_name, pe.first_name, pe.middle_name
  FROM page_teacher t
  JOIN person pe ON pe.id = t.teacher_id
  WHERE t.page_id = $1 AND t.date_from <= $3::date AND (t.date_to IS NULL OR t.date_to >= $2::date)
  ORDER BY t.date_from, pe.last_name`;

// The page's students in the period: enrolled in the class (and in the page's group, R-CAL-3) on some day of it, and
// anyone with a mark on the page in it (imported history included).
const STUDENTS_SQL = `
  SELECT pe.id, pe.last_name, pe.first_name, pe.middle_name
  FROM page p
  JOIN enrollment e ON e.class_id = p.class_id AND e.date_from <= $3::date AND (e.date_to IS NULL OR e.date_to >= $2::date)
  JOIN person pe ON pe.id = e.student_id
  WHERE p.id = $1
    AND (p.group_id IS NULL OR EXISTS (
      SELECT 1 FROM group_membership g
      WHERE g.group_id = p.group_id AND g.student_id = e.student_id
        AND g.date_from <= LEAST($3::date, COALESCE(e.date_to, $3::date))
        AND (g.date_to IS NULL OR g.date_to >= GREATEST($2::date, e.date_from))))
  UNION
  SELECT pe.id, pe.last_name, pe.first_name, pe.middle_name
  FROM mark m
  JOIN lesson l ON l.id = m.lesson_id
  JOIN person pe ON pe.id = m.student_id
  WHERE m.page_id = $1 AND l.lesson_date BETWEEN $2::date AND $3::date`;

const PAGE_LESSONS = `lesson l WHERE l.page_id = $1 AND l.lesson_date BETWEEN $2::date AND $3::date AND l.status <> 'cancelled'`;

const LESSONS_SQL = `
  SELECT l.id, l.lesson_date, c.topic, c.homework
  FROM lesson l
  LEFT JOIN lesson_content c ON c.lesson_id = l.id
  WHERE l.page_id = $1 AND l.lesson_date BETWEEN $2::date AND $3::date AND l.status <> 'cancelled'
  ORDER BY l.lesson_date, l.lesson_number, l.starts_at, l.id`;

const MARKS_SQL = `
  SELECT m.lesson_id, m.student_id, m.value
  FROM mark m
  WHERE m.lesson_id IN (SELECT l.id FROM ${PAGE_LESSONS})
  ORDER BY m.entered_at, m.id`;

const ABSENCES_SQL = `
  SELECT a.lesson_id, a.student_id
  FROM attendance_entry a
  WHERE a.status = 'absent' AND a.lesson_id IN (SELECT l.id FROM ${PAGE_LESSONS})`;

/** The printed journal page (issue 6, item 2), from the read model only: archived years print the same way (R-DATA-3). */
@Injectable()
export class PagePrintService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async pdf(request: RpcRequest<typeof PagePrintRpc.pdf>): Promise<ExportedFile> {
    const page = await this.journalPage(request.pageId, request.periodId);
    const content = await renderJournalPagePdf(page);
    const group = page.groupName ? ` ${page.groupName}` : '';
    return {
      fileName: `Журнал ${page.className} ${page.subjectName}${group} ${page.period.nameRu} ${page.academicYear}.pdf`.replaceAll(
        '/',
        '-',
      ),
      contentType: 'application/pdf',
      content: content.toString('base64'),
    };
  }

  async journalPage(pageId: string, periodId: string): Promise<JournalPage> {
    const [found] = await this.dataSource.query<PageRow[]>(PAGE_SQL, [pageId, periodId]);
    if (!found) throw new DomainError(ErrorCode.NotFound, 'Страница журнала не найдена', { pageId });
    if (found.period_name === null || found.period_start === null || found.period_end === null) {
      throw new DomainError(ErrorCode.NotFound, 'Учебный период не найден', { periodId });
    }
    const range = [pageId, found.period_start, found.period_end];
    const [teachers, students, lessons, marks, absences] = await Promise.all([
      this.dataSource.query<PersonColumns[]>(TEACHERS_SQL, range),
      this.dataSource.query<StudentRow[]>(STUDENTS_SQL, range),
      this.dataSource.query<LessonRow[]>(LESSONS_SQL, range),
      this.dataSource.query<MarkRow[]>(MARKS_SQL, range),
      this.dataSource.query<LessonStudentRow[]>(ABSENCES_SQL, range),
    ]);
    const ordered = students
      .map((row) => ({ id: row.id, name: toPersonName(row) }))
      .sort((left, right) => compareNames(left.name, right.name));
    const key = (lessonId: string, studentId: string) => `${lessonId}:${studentId}`;
    const marksOf = new Map<string, number[]>();
    for (const mark of marks) {
      const cell = key(mark.lesson_id, mark.student_id);
      marksOf.set(cell, [...(marksOf.get(cell) ?? []), mark.value]);
    }
    const absent = new Set(absences.map((absence) => key(absence.lesson_id, absence.student_id)));
    return {
      schoolName: found.school_name,
      className: found.class_name,
      academicYear: found.academic_year,
      subjectName: found.subject_name,
      groupName: found.group_name,
      teachers: teachers.map((teacher) => surnameAndInitials(toPersonName(teacher))),
      period: { nameRu: found.period_name, start: found.period_start, end: found.period_end },
      students: ordered.map((student, index) => ({ number: index + 1, name: surnameAndInitials(student.name) })),
      lessons: lessons.map((lesson) => ({
        date: lesson.lesson_date,
        topic: lesson.topic,
        homework: lesson.homework,
        cells: ordered.map((student) =>
          cellText(absent.has(key(lesson.id, student.id)), marksOf.get(key(lesson.id, student.id)) ?? []),
        ),
      })),
    };
  }
}
