import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pMap from 'p-map';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, type PerformanceRpc, type PeriodRef, type RpcRequest, type SchoolPerformance } from '#contracts';
import { type IndicatorMark, marksKeptInGrade } from '#domain';
import type { z } from 'zod';
import { type PersonColumns, toPersonName } from '../common/person-row.js';
import { compareRussian } from '../common/russian-order.js';
import { ClassSummaryService } from '../class-summary/class-summary.service.js';
import { surnameAndInitials } from '../printing/journal-page.js';
import { countedMark, OWNER_CLASS_SQL } from './counted-marks.js';
import { comparedRows, type RowSource } from './indicators-view.js';

interface PeriodRow {
  id: string;
  name_ru: string;
  start_date: string;
  end_date: string;
  grade_from: number;
  grade_to: number;
  label: string;
  school_name: string;
}

const PERIOD_SQL = `
  SELECT pr.id, pr.name_ru, pr.start_date, pr.end_date, pr.grade_from, pr.grade_to, y.label, s.name AS school_name
  FROM period pr
  JOIN academic_year y ON y.id = pr.year_id
  JOIN school s ON s.id = y.school_id
  WHERE pr.id = $1 AND y.school_id = $2`;

// Class summaries computed side by side: each waits on the database most of its time; a few keep the pool for others.
const SUMMARIES_AT_ONCE = 4;

// The classes a period is for: of the school, of its year, in its grades.
const CLASSES_SQL = `
  SELECT id, name, grade FROM school_class
  WHERE school_id = $1 AND academic_year = $2 AND grade BETWEEN $3 AND $4`;

const PAGES_SQL = 'SELECT id, class_id, subject_code, group_id FROM page WHERE class_id = ANY($1::uuid[])';

// Group memberships during the period ($2..$3), the latest last.
const MEMBERSHIPS_SQL = `
  SELECT student_id, group_id FROM group_membership
  WHERE group_id = ANY($1::uuid[]) AND date_from <= $3::date AND (date_to IS NULL OR date_to >= $2::date)
  ORDER BY date_from`;

// The teacher of each page for the period: the one assigned last within it (who sets the period's results).
const PAGE_TEACHERS_SQL = `
  SELECT DISTINCT ON (pt.page_id) pt.page_id, pt.teacher_id, p.last_name, p.first_name, p.middle_name
  FROM page_teacher pt JOIN person p ON p.id = pt.teacher_id
  WHERE pt.page_id = ANY($1::uuid[]) AND pt.date_from <= $3::date AND (pt.date_to IS NULL OR pt.date_to >= $2::date)
  ORDER BY pt.page_id, pt.date_from DESC`;

interface ClassRow {
  id: string;
  name: string;
  grade: number;
}

interface PageRow {
  id: string;
  class_id: string;
  subject_code: string;
  group_id: string | null;
}

/** One counted mark of a student in a subject, with where it belongs. */
interface CountedEntry {
  studentId: string;
  classId: string;
  subjectCode: string;
  mark: IndicatorMark;
  teacherId: string | null;
}

/** The rows of one period, before views. */
interface PeriodRows {
  period: z.infer<typeof PeriodRef>;
  total: RowSource;
  grades: RowSource[];
  classes: RowSource[];
  subjects: RowSource[];
  teachers: RowSource[];
}

/** A school report with what the files need besides: the academic year's label. */
export interface SchoolReportWithYear {
  report: SchoolPerformance;
  academicYear: string;
}

/**
 * The school report (R-REP-2): the indicators of the class summary aggregated over the school, by parallel, class,
 * subject and teacher, for a period and, on request, side by side with another period of the school and the change.
 */
@Injectable()
export class SchoolReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly summaries: ClassSummaryService,
  ) {}

  async report(request: RpcRequest<typeof PerformanceRpc.schoolReport>): Promise<SchoolPerformance> {
    return (await this.reportWithYear(request)).report;
  }

  async reportWithYear(request: RpcRequest<typeof PerformanceRpc.schoolReport>): Promise<SchoolReportWithYear> {
    const current = await this.period(request.schoolId, request.periodId);
    const previous = request.compareWith ? await this.period(request.schoolId, request.compareWith) : null;
    const now = await this.rows(request.schoolId, current);
    const before = previous ? await this.rows(request.schoolId, previous) : null;
    const [total] = comparedRows([now.total], before ? [before.total] : null);
    return {
      academicYear: current.label,
      report: {
        schoolId: request.schoolId,
        schoolName: current.school_name,
        period: now.period,
        comparedWith: before?.period ?? null,
        total: total!,
        grades: comparedRows(now.grades, before?.grades ?? null),
        classes: comparedRows(now.classes, before?.classes ?? null),
        subjects: comparedRows(now.subjects, before?.subjects ?? null),
        teachers: comparedRows(now.teachers, before?.teachers ?? null),
      },
    };
  }

  private async period(schoolId: string, periodId: string): Promise<PeriodRow> {
    const [found] = await this.dataSource.query<PeriodRow[]>(PERIOD_SQL, [periodId, schoolId]);
    if (!found) throw new DomainError(ErrorCode.NotFound, 'Учебный период не найден', { periodId });
    return found;
  }

  private async rows(schoolId: string, period: PeriodRow): Promise<PeriodRows> {
    const ref = { id: period.id, nameRu: period.name_ru, start: period.start_date, end: period.end_date };
    // Grade 1 keeps no marks (R-MARK-2): its classes would only be rows of students with nothing to count.
    const classes = (
      await this.dataSource.query<ClassRow[]>(CLASSES_SQL, [schoolId, period.label, period.grade_from, period.grade_to])
    ).filter((schoolClass) => marksKeptInGrade(schoolClass.grade));
    const classIds = classes.map((schoolClass) => schoolClass.id);
    const summaries = await pMap(
      classes,
      (schoolClass) => this.summaries.summary({ classId: schoolClass.id, date: period.start_date, periodId: period.id }),
      { concurrency: SUMMARIES_AT_ONCE },
    );
    const studentIds = [...new Set(summaries.flatMap((summary) => summary.students.map((student) => student.studentId)))];
    const [owners, pages] = await Promise.all([
      this.dataSource.query<Array<{ student_id: string; class_id: string }>>(OWNER_CLASS_SQL, [
        schoolId,
        studentIds,
        period.start_date,
        period.end_date,
      ]),
      this.dataSource.query<PageRow[]>(PAGES_SQL, [classIds]),
    ]);
    const pageIds = pages.map((page) => page.id);
    const groupIds = [...new Set(pages.flatMap((page) => (page.group_id ? [page.group_id] : [])))];
    const [memberships, teachers] = await Promise.all([
      this.dataSource.query<Array<{ student_id: string; group_id: string }>>(MEMBERSHIPS_SQL, [groupIds, period.start_date, period.end_date]),
      this.dataSource.query<Array<PersonColumns & { page_id: string; teacher_id: string }>>(PAGE_TEACHERS_SQL, [
        pageIds,
        period.start_date,
        period.end_date,
      ]),
    ]);
    const ownerOf = new Map(owners.map((row) => [row.student_id, row.class_id]));
    const groupsOf = new Map<string, Set<string>>();
    for (const row of memberships) groupsOf.set(row.student_id, (groupsOf.get(row.student_id) ?? new Set()).add(row.group_id));
    const teacherOfPage = new Map(teachers.map((row) => [row.page_id, row]));
    const teacherOf = (classId: string, subjectCode: string, studentId: string): string | null => {
      const candidates = pages.filter((page) => page.class_id === classId && page.subject_code === subjectCode);
      const page =
        candidates.find((candidate) => candidate.group_id !== null && groupsOf.get(studentId)?.has(candidate.group_id)) ??
        candidates.find((candidate) => candidate.group_id === null);
      return page ? (teacherOfPage.get(page.id)?.teacher_id ?? null) : null;
    };

    // Every counted mark of each student, in the class they ended the period in only.
    const entries: CountedEntry[] = [];
    const studentsOfClass = new Map<string, string[]>();
    const subjectNames = new Map<string, string>();
    summaries.forEach((summary) => {
      for (const subject of summary.subjects) subjectNames.set(subject.code, subject.nameRu);
      for (const student of summary.students) {
        if (ownerOf.get(student.studentId) !== summary.classId) continue;
        studentsOfClass.set(summary.classId, [...(studentsOfClass.get(summary.classId) ?? []), student.studentId]);
        for (const cell of student.subjects) {
          const counted = countedMark(cell);
          if (!counted) continue;
          entries.push({
            studentId: student.studentId,
            classId: summary.classId,
            subjectCode: cell.subjectCode,
            mark: counted.shown.value,
            teacherId: teacherOf(summary.classId, cell.subjectCode, student.studentId),
          });
        }
      }
    });
    const marksOfStudent = new Map<string, IndicatorMark[]>();
    for (const entry of entries) marksOfStudent.set(entry.studentId, [...(marksOfStudent.get(entry.studentId) ?? []), entry.mark]);
    const studentsIn = (classList: readonly ClassRow[]) =>
      classList.flatMap((schoolClass) => (studentsOfClass.get(schoolClass.id) ?? []).map((studentId) => marksOfStudent.get(studentId) ?? []));
    const perEntry = (filter: (entry: CountedEntry) => boolean) => entries.filter(filter).map((entry) => [entry.mark]);

    const ordered = [...classes].sort((left, right) => left.grade - right.grade || compareRussian(left.name, right.name));
    const grades = [...new Set(ordered.map((schoolClass) => schoolClass.grade))];
    const subjectCodes = [...new Set(entries.map((entry) => entry.subjectCode))].sort(
      (left, right) => compareRussian(subjectNames.get(left) ?? left, subjectNames.get(right) ?? right) || left.localeCompare(right),
    );
    const teacherRows = [...new Set(entries.flatMap((entry) => (entry.teacherId ? [entry.teacherId] : [])))]
      .map((teacherId) => {
        const row = [...teacherOfPage.values()].find((candidate) => candidate.teacher_id === teacherId)!;
        return { teacherId, label: surnameAndInitials(toPersonName(row)) };
      })
      .sort((left, right) => compareRussian(left.label, right.label) || left.teacherId.localeCompare(right.teacherId));
    return {
      period: ref,
      total: { key: 'school', label: 'Школа', students: studentsIn(ordered) },
      grades: grades.map((grade) => ({
        key: `grade:${grade}`,
        label: `${grade} классы`,
        students: studentsIn(ordered.filter((schoolClass) => schoolClass.grade === grade)),
      })),
      classes: ordered.map((schoolClass) => ({ key: `class:${schoolClass.name}`, label: schoolClass.name, students: studentsIn([schoolClass]) })),
      subjects: subjectCodes.map((code) => ({
        key: `subject:${code}`,
        label: subjectNames.get(code) ?? code,
        students: perEntry((entry) => entry.subjectCode === code),
      })),
      teachers: teacherRows.map(({ teacherId, label }) => ({
        key: `teacher:${teacherId}`,
        label,
        students: perEntry((entry) => entry.teacherId === teacherId),
      })),
    };
  }
}
