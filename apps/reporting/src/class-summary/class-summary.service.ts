import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ClassSummary, DomainError, ErrorCode, type ReportingRpc, type RpcRequest } from '#contracts';
import { type CountedMark, periodAverage } from '#domain';
import { periodMarksSql } from '../averages/period-marks-sql.js';
import { type PersonColumns, toPersonName } from '../common/person-row.js';
import { compareNames, compareRussian } from '../common/russian-order.js';
import { type FinalMarkRow, type FinalMarks, finalMarksOf, finalMarksSql } from '../final-results/final-marks.js';
import { PERIOD_SELECT, type PeriodColumns, toPeriodRef } from '../periods/period-ref.js';
import { periodOfClassByIdSql, periodOfClassOnDateSql } from '../periods/period-sql.js';

type SummarySubject = ClassSummary['subjects'][number];
type SummaryStudent = ClassSummary['students'][number];

interface ClassRow extends PeriodColumns {
  name: string;
  school_id: string;
  subjects: SummarySubject[];
}

interface StudentMarkRow extends PersonColumns {
  student_id: string;
  subject_code: string | null;
  value: number | null;
  weight: string | null;
}

function classSql(period: string): string {
  return `
    SELECT c.name, c.school_id, ${PERIOD_SELECT},
      (SELECT coalesce(json_agg(json_build_object('code', x.code, 'nameRu', x.name_ru)), '[]'::json)
       FROM (SELECT DISTINCT pg.subject_code AS code, coalesce(s.name_ru, pg.subject_code) AS name_ru
             FROM page pg
             LEFT JOIN subject s ON s.school_id = c.school_id AND s.code = pg.subject_code
             WHERE pg.class_id = c.id) x) AS subjects
    FROM school_class c
    LEFT JOIN LATERAL (${period}) pr ON true
    WHERE c.id = $1`;
}

// The class, its pages' subjects, and the period: by id (of the class's school) or the class's period on the date.
const CLASS_PERIOD_ON_DATE_SQL = classSql(periodOfClassOnDateSql('c', '$2::date'));
const CLASS_PERIOD_BY_ID_SQL = classSql(periodOfClassByIdSql('c', '$2'));

// Everyone enrolled in the class for at least one day of the period, with all their marks of the period in the class's
// school (a transferred student's marks of both classes, R-CAL-4).
const STUDENT_MARKS_SQL = `
  WITH class_students AS (
    SELECT DISTINCT e.student_id
    FROM enrollment e
    WHERE e.class_id = $1 AND e.date_from <= $3::date AND (e.date_to IS NULL OR e.date_to >= $2::date)
  ),
  period_marks AS (${periodMarksSql('m.student_id IN (SELECT student_id FROM class_students)', '$2::date', '$3::date')})
  SELECT cs.student_id, p.last_name, p.first_name, p.middle_name, pm.subject_code, pm.value, pm.weight
  FROM class_students cs
  JOIN person p ON p.id = cs.student_id
  LEFT JOIN period_marks pm ON pm.student_id = cs.student_id AND pm.school_id = $4`;

// The period and year results of everyone enrolled in the class for at least one day of the period.
const FINAL_MARKS_SQL = finalMarksSql(
  `r.student_id IN (SELECT e.student_id FROM enrollment e
     WHERE e.class_id = $1 AND e.date_from <= $3::date AND (e.date_to IS NULL OR e.date_to >= $2::date))`,
  '$4',
);

/** The class summary for a period (R-REP-1): exact averages, proposed and final marks per student and subject. */
@Injectable()
export class ClassSummaryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summary(request: RpcRequest<typeof ReportingRpc.classSummary>): Promise<ClassSummary> {
    const [found] = request.periodId
      ? await this.dataSource.query<ClassRow[]>(CLASS_PERIOD_BY_ID_SQL, [request.classId, request.periodId])
      : await this.dataSource.query<ClassRow[]>(CLASS_PERIOD_ON_DATE_SQL, [request.classId, request.date]);
    if (!found) throw new DomainError(ErrorCode.NotFound, 'Класс не найден');
    const period = toPeriodRef(found, request);
    const subjects = [...found.subjects].sort(
      (left, right) => compareRussian(left.nameRu, right.nameRu) || left.code.localeCompare(right.code),
    );
    const [rows, finalMarks] = await Promise.all([
      this.dataSource.query<StudentMarkRow[]>(STUDENT_MARKS_SQL, [request.classId, period.start, period.end, found.school_id]),
      this.dataSource.query<FinalMarkRow[]>(FINAL_MARKS_SQL, [request.classId, period.start, period.end, period.id]),
    ]);
    return {
      classId: request.classId,
      className: found.name,
      period,
      subjects,
      students: toStudents(rows, subjects, finalMarksOf(finalMarks)),
    };
  }
}

function toStudents(
  rows: readonly StudentMarkRow[],
  subjects: readonly SummarySubject[],
  finalMarks: (studentId: string, subjectCode: string) => FinalMarks,
): SummaryStudent[] {
  const students = new Map<string, { row: StudentMarkRow; marks: Map<string, CountedMark[]> }>();
  for (const row of rows) {
    let student = students.get(row.student_id);
    if (!student) {
      student = { row, marks: new Map() };
      students.set(row.student_id, student);
    }
    if (row.subject_code === null || row.value === null) continue;
    const marks = student.marks.get(row.subject_code) ?? [];
    marks.push({ value: row.value, weight: row.weight });
    student.marks.set(row.subject_code, marks);
  }
  return [...students.values()]
    .map(({ row, marks }) => ({
      studentId: row.student_id,
      name: toPersonName(row),
      subjects: subjects.map((subject) => {
        const counted = marks.get(subject.code) ?? [];
        return {
          subjectCode: subject.code,
          marksCount: counted.length,
          average: periodAverage(counted),
          ...finalMarks(row.student_id, subject.code),
        };
      }),
    }))
    .sort((left, right) => compareNames(left.name, right.name) || left.studentId.localeCompare(right.studentId));
}
