import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, type MunicipalPerformance, type MunicipalPerformanceQuery } from '#contracts';
import { type CountedMark, type IndicatorMark, marksKeptInGrade, periodAverage, performanceIndicators } from '#domain';
import { periodMarksSql } from '../averages/period-marks-sql.js';
import { compareRussian } from '../common/russian-order.js';
import { indicatorsView } from '../performance/indicators-view.js';

interface PeriodRow {
  id: string;
  name_ru: string;
  start_date: string;
  end_date: string;
}

interface StudentRow {
  student_id: string;
  class_id: string;
  class_name: string;
  grade: number;
}

interface MarkRow {
  student_id: string;
  subject_code: string;
  value: number;
  weight: string | null;
}

interface ResultRow {
  student_id: string;
  subject_code: string;
  value: string;
}

const PERIOD_SQL = `
  SELECT pr.id, pr.name_ru, pr.start_date::text AS start_date, pr.end_date::text AS end_date
  FROM period pr JOIN academic_year y ON y.id = pr.year_id
  WHERE pr.id = $1 AND y.school_id = $2`;

// The students of the school's classes of the period's grades, each in the class of their last enrollment overlapping
// the period (a student moved mid-period counts once, in the class they ended it in; R-CAL-4).
const STUDENTS_SQL = `
  SELECT DISTINCT ON (e.student_id) e.student_id, c.id AS class_id, c.name AS class_name, c.grade
  FROM period pr
  JOIN academic_year y ON y.id = pr.year_id
  JOIN school_class c ON c.school_id = y.school_id AND c.academic_year = y.label AND c.grade BETWEEN pr.grade_from AND pr.grade_to
  JOIN enrollment e ON e.class_id = c.id AND e.date_from <= pr.end_date AND (e.date_to IS NULL OR e.date_to >= pr.start_date)
  WHERE pr.id = $1
  ORDER BY e.student_id, e.date_from DESC, c.id`;

const MARKS_SQL = `
  SELECT pm.student_id, pm.subject_code, pm.value, pm.weight
  FROM (${periodMarksSql('m.student_id = ANY($1::uuid[])', '$2::date', '$3::date')}) pm
  WHERE pm.school_id = $4`;

const RESULTS_SQL = `
  SELECT r.student_id, r.subject_code, r.value FROM final_result r
  WHERE r.term_id = $1 AND r.school_id = $2 AND r.value IS NOT NULL AND r.student_id = ANY($3::uuid[])`;

const SUBJECTS_SQL = 'SELECT code, name_ru FROM subject WHERE school_id = $1';

/**
 * The municipal portal's performance figures of a school for a period (R-REP-5): for each student and subject the
 * counted mark is the period result when set, else the mark the exact average proposes (as in the school report);
 * успеваемость, качество знаний, СОУ and the average mark come from the one indicator function of #domain, exact and
 * rounded once. By class: each student with all their subjects' marks; by subject: each student's mark in it.
 */
@Injectable()
export class MunicipalPerformanceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async performance(query: MunicipalPerformanceQuery): Promise<MunicipalPerformance> {
    const [period] = await this.dataSource.query<PeriodRow[]>(PERIOD_SQL, [query.periodId, query.schoolId]);
    if (!period) throw new DomainError(ErrorCode.NotFound, 'Учебный период не найден', { periodId: query.periodId });
    // Grade 1 keeps no marks (R-MARK-2): its classes are left out rather than shown with nothing counted.
    const students = (await this.dataSource.query<StudentRow[]>(STUDENTS_SQL, [period.id])).filter((student) =>
      marksKeptInGrade(student.grade),
    );
    const ids = students.map((student) => student.student_id);
    const [marks, results, subjects] = await Promise.all([
      this.dataSource.query<MarkRow[]>(MARKS_SQL, [ids, period.start_date, period.end_date, query.schoolId]),
      this.dataSource.query<ResultRow[]>(RESULTS_SQL, [period.id, query.schoolId, ids]),
      this.dataSource.query<Array<{ code: string; name_ru: string }>>(SUBJECTS_SQL, [query.schoolId]),
    ]);
    const counted = countedMarks(marks, results);
    const subjectNames = new Map(subjects.map((subject) => [subject.code, subject.name_ru]));
    const all = students.map((student) => [...(counted.get(student.student_id)?.values() ?? [])]);
    return {
      schoolId: query.schoolId,
      period: { id: period.id, nameRu: period.name_ru, start: period.start_date, end: period.end_date },
      groupBy: query.groupBy,
      groups: groupsOf(query, students, counted, subjectNames),
      total: indicatorsView(performanceIndicators(all)),
    };
  }
}

/** student → subject → the counted mark: the period result, else the proposal of the exact average. */
function countedMarks(marks: readonly MarkRow[], results: readonly ResultRow[]): Map<string, Map<string, IndicatorMark>> {
  const bySubject = new Map<string, CountedMark[]>();
  for (const mark of marks) {
    const key = `${mark.student_id}|${mark.subject_code}`;
    bySubject.set(key, [...(bySubject.get(key) ?? []), { value: mark.value, weight: mark.weight }]);
  }
  const counted = new Map<string, Map<string, IndicatorMark>>();
  const put = (studentId: string, subjectCode: string, mark: IndicatorMark) => {
    const subjects = counted.get(studentId) ?? new Map<string, IndicatorMark>();
    subjects.set(subjectCode, mark);
    counted.set(studentId, subjects);
  };
  for (const [key, list] of bySubject) {
    const average = periodAverage(list);
    const [studentId, subjectCode] = key.split('|') as [string, string];
    if (average) put(studentId, subjectCode, average.proposed);
  }
  for (const result of results) {
    put(result.student_id, result.subject_code, /^[1-5]$/.test(result.value) ? Number(result.value) : (result.value as IndicatorMark));
  }
  return counted;
}

function groupsOf(
  query: MunicipalPerformanceQuery,
  students: readonly StudentRow[],
  counted: Map<string, Map<string, IndicatorMark>>,
  subjectNames: Map<string, string>,
): MunicipalPerformance['groups'] {
  const groups = new Map<string, { title: string; order: [number, string]; students: IndicatorMark[][] }>();
  const add = (key: string, title: string, order: [number, string], marks: IndicatorMark[]) => {
    const group = groups.get(key) ?? { title, order, students: [] };
    group.students.push(marks);
    groups.set(key, group);
  };
  for (const student of students) {
    const own = counted.get(student.student_id) ?? new Map<string, IndicatorMark>();
    if (query.groupBy === 'school') add(query.schoolId, 'Школа', [0, ''], [...own.values()]);
    if (query.groupBy === 'class') add(student.class_id, student.class_name, [student.grade, student.class_name], [...own.values()]);
    if (query.groupBy === 'subject') {
      for (const [code, mark] of own) {
        const name = subjectNames.get(code) ?? code;
        add(code, name, [0, name], [mark]);
      }
    }
  }
  return [...groups.entries()]
    .sort(([leftKey, left], [rightKey, right]) => left.order[0] - right.order[0] || compareRussian(left.order[1], right.order[1]) || leftKey.localeCompare(rightKey))
    .map(([key, group]) => ({ key, title: group.title, ...indicatorsView(performanceIndicators(group.students)) }));
}
