import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type ResultDeviation,
  type ResultDeviations,
  type ResultDeviationsRpc,
  type RpcRequest,
} from '#contracts';
import { type AverageView, type CountedMark, periodAverage, type ResultValue, resultDeviates, yearAverage } from '#domain';
import { periodMarksSql } from '../averages/period-marks-sql.js';
import { type PersonColumns, toPersonName } from '../common/person-row.js';
import { compareNames, compareRussian } from '../common/russian-order.js';
import { shownResult } from '../final-results/final-marks.js';

interface TermRow {
  id: string;
  name_ru: string;
  start_date: string | null;
  end_date: string | null;
}

interface ResultRow extends PersonColumns {
  student_id: string;
  subject_code: string;
  subject_name: string | null;
  page_id: string;
  class_id: string;
  class_name: string;
  value: string;
  set_by: string | null;
  set_by_last_name: string | null;
  set_by_first_name: string | null;
  set_by_middle_name: string | null;
  set_at: Date;
}

interface CountedRow {
  student_id: string;
  subject_code: string;
  value: number;
  weight: string | null;
}

interface PeriodResultRow {
  student_id: string;
  subject_code: string;
  value: string;
}

const PERIOD_SQL = `
  SELECT pr.id, pr.name_ru, pr.start_date, pr.end_date
    FROM period pr JOIN academic_year y ON y.id = pr.year_id
   WHERE pr.id = $1 AND y.school_id = $2`;

const YEAR_SQL = `
  SELECT y.id, y.label || ' учебный год' AS name_ru, NULL AS start_date, NULL AS end_date
    FROM academic_year y
   WHERE y.id = $1 AND y.school_id = $2`;

// The term's results that have a value, with the student, the class of the page they were set on, the subject, who.
const RESULTS_SQL = `
  SELECT r.student_id, p.last_name, p.first_name, p.middle_name, r.subject_code, s.name_ru AS subject_name,
         r.page_id, c.id AS class_id, c.name AS class_name, r.value, r.set_by,
         t.last_name AS set_by_last_name, t.first_name AS set_by_first_name, t.middle_name AS set_by_middle_name, r.set_at
    FROM final_result r
    JOIN person p ON p.id = r.student_id
    JOIN page pg ON pg.id = r.page_id
    JOIN school_class c ON c.id = pg.class_id
    LEFT JOIN subject s ON s.school_id = r.school_id AND s.code = r.subject_code
    LEFT JOIN person t ON t.id = r.set_by
   WHERE r.term_id = $1 AND r.school_id = $2 AND r.value IS NOT NULL`;

const STUDENTS_WITH_RESULTS = 'SELECT student_id FROM final_result WHERE term_id = $1 AND school_id = $2';

// Every current mark of those students in the school in the period, with its kind's weight: the proposals' data.
const PERIOD_MARKS_SQL = `
  SELECT pm.student_id, pm.subject_code, pm.value, pm.weight
    FROM (${periodMarksSql(`m.student_id IN (${STUDENTS_WITH_RESULTS})`, '$3::date', '$4::date')}) pm
   WHERE pm.school_id = $2`;

// The numeric and other period results of the year's periods: the year proposals' data.
const PERIOD_RESULTS_SQL = `
  SELECT r.student_id, r.subject_code, r.value
    FROM final_result r JOIN period pr ON pr.id = r.term_id
   WHERE pr.year_id = $1 AND r.school_id = $2 AND r.term = 'period' AND r.value IS NOT NULL`;

const key = (studentId: string, subjectCode: string) => `${studentId}|${subjectCode}`;

/**
 * The deputy's list (R-MARK-6, R-REP-2): the results of a period (or a year) that differ from the proposal, the
 * proposal computed by `periodAverage` (for a year `yearAverage`) over the read model's marks, exactly as the journal
 * computes the proposal it shows the teacher.
 */
@Injectable()
export class ResultDeviationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofSchool(request: RpcRequest<typeof ResultDeviationsRpc.ofSchool>): Promise<ResultDeviations> {
    const { schoolId, term, termId } = request;
    const [found] = await this.dataSource.query<TermRow[]>(term === 'year' ? YEAR_SQL : PERIOD_SQL, [termId, schoolId]);
    if (!found) {
      throw new DomainError(ErrorCode.NotFound, term === 'year' ? 'Учебный год не найден' : 'Учебный период не найден');
    }
    const results = await this.dataSource.query<ResultRow[]>(RESULTS_SQL, [termId, schoolId]);
    const averages = term === 'year' ? await this.yearAverages(termId, schoolId) : await this.periodAverages(found, schoolId);
    const deviations = results
      .map((row) => ({ row, average: averages.get(key(row.student_id, row.subject_code)) ?? null }))
      .filter(({ row, average }) => resultDeviates(shownResult(row.value).value, average?.proposed ?? null))
      .map(({ row, average }) => toDeviation(row, average))
      .sort(
        (left, right) =>
          compareRussian(left.className, right.className) ||
          compareNames(left.name, right.name) ||
          compareRussian(left.subjectName, right.subjectName) ||
          left.studentId.localeCompare(right.studentId),
      );
    return { schoolId, term: { kind: term, id: found.id, nameRu: found.name_ru }, deviations };
  }

  private async periodAverages(period: TermRow, schoolId: string): Promise<Map<string, AverageView | null>> {
    const rows = await this.dataSource.query<CountedRow[]>(PERIOD_MARKS_SQL, [period.id, schoolId, period.start_date, period.end_date]);
    const marks = new Map<string, CountedMark[]>();
    for (const row of rows) {
      const list = marks.get(key(row.student_id, row.subject_code)) ?? [];
      list.push({ value: row.value, weight: row.weight });
      marks.set(key(row.student_id, row.subject_code), list);
    }
    return new Map([...marks].map(([subject, counted]) => [subject, periodAverage(counted)]));
  }

  private async yearAverages(yearId: string, schoolId: string): Promise<Map<string, AverageView | null>> {
    const rows = await this.dataSource.query<PeriodResultRow[]>(PERIOD_RESULTS_SQL, [yearId, schoolId]);
    const values = new Map<string, ResultValue[]>();
    for (const row of rows) {
      const list = values.get(key(row.student_id, row.subject_code)) ?? [];
      list.push(shownResult(row.value).value);
      values.set(key(row.student_id, row.subject_code), list);
    }
    return new Map([...values].map(([subject, list]) => [subject, yearAverage(list)]));
  }
}

function toDeviation(row: ResultRow, average: AverageView | null): ResultDeviation {
  const shown = shownResult(row.value);
  return {
    studentId: row.student_id,
    name: toPersonName(row),
    classId: row.class_id,
    className: row.class_name,
    pageId: row.page_id,
    subjectCode: row.subject_code,
    subjectName: row.subject_name ?? row.subject_code,
    value: shown.value,
    label: shown.label,
    average,
    setBy: row.set_by,
    setByName:
      row.set_by_last_name === null || row.set_by_first_name === null
        ? null
        : { lastName: row.set_by_last_name, firstName: row.set_by_first_name, middleName: row.set_by_middle_name },
    setAt: row.set_at.toISOString(),
  };
}
