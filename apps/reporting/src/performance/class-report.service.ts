import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type ClassPeriodReport,
  type ClassSummary,
  DomainError,
  ErrorCode,
  type PerformanceRpc,
  type RpcRequest,
  type ShownResult,
} from '#contracts';
import { type IndicatorMark, isFailingMark, performanceCategory, performanceIndicators, schoolDateAt } from '#domain';
import { Clock } from '#platform';
import { type CountsRow, NO_COUNTS } from '../attendance-summary/attendance-counts.js';
import { CLASS_COUNTS_SQL } from '../attendance-summary/attendance-summary-sql.js';
import { ClassSummaryService } from '../class-summary/class-summary.service.js';
import { PERIOD_SELECT, type PeriodColumns, toPeriodRef } from '../periods/period-ref.js';
import { periodOfClassByIdSql } from '../periods/period-sql.js';
import { countedMark, countedMarks, OWNER_CLASS_SQL } from './counted-marks.js';
import { indicatorsView } from './indicators-view.js';

interface ClassRow extends PeriodColumns {
  name: string;
  school_id: string;
  academic_year: string;
  school_name: string;
  time_zone: string;
}

const CLASS_SQL = `
  SELECT c.name, c.school_id, c.academic_year, s.name AS school_name, s.time_zone, ${PERIOD_SELECT}
  FROM school_class c
  JOIN school s ON s.id = c.school_id
  LEFT JOIN LATERAL (${periodOfClassByIdSql('c', '$2')}) pr ON true
  WHERE c.id = $1`;

/** A class period report with what the files need besides: the academic year's label. */
export interface ClassReportWithYear {
  report: ClassPeriodReport;
  academicYear: string;
}

/**
 * The class period summary (сводная ведомость, R-REP-1): the class summary's averages, proposed and final marks, the
 * absences, and the indicators of the class and of each subject with the lists of students, all from the read model.
 */
@Injectable()
export class ClassReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly summaries: ClassSummaryService,
    private readonly clock: Clock,
  ) {}

  async report(request: RpcRequest<typeof PerformanceRpc.classReport>): Promise<ClassPeriodReport> {
    return (await this.reportWithYear(request)).report;
  }

  async reportWithYear({ classId, periodId }: RpcRequest<typeof PerformanceRpc.classReport>): Promise<ClassReportWithYear> {
    const [found] = await this.dataSource.query<ClassRow[]>(CLASS_SQL, [classId, periodId]);
    if (!found) throw new DomainError(ErrorCode.NotFound, 'Класс не найден');
    const period = toPeriodRef(found, { date: '', periodId });
    const summary = await this.summaries.summary({ classId, date: period.start, periodId });
    const studentIds = summary.students.map((student) => student.studentId);
    const today = schoolDateAt(this.clock.now(), found.time_zone);
    const heldUntil = today < period.end ? today : period.end;
    const [owners, counts] = await Promise.all([
      this.dataSource.query<Array<{ student_id: string; class_id: string }>>(OWNER_CLASS_SQL, [
        found.school_id,
        studentIds,
        period.start,
        period.end,
      ]),
      this.dataSource.query<Array<CountsRow & { student_id: string }>>(CLASS_COUNTS_SQL, [classId, period.start, heldUntil, period.end]),
    ]);
    const ownerOf = new Map(owners.map((row) => [row.student_id, row.class_id]));
    const countsOf = new Map(counts.map((row) => [row.student_id, row]));
    const report = buildClassReport(summary, {
      schoolName: found.school_name,
      heldUntil,
      countsIn: (studentId) => ownerOf.get(studentId) === classId,
      absences: (studentId) => countsOf.get(studentId) ?? NO_COUNTS,
    });
    return { report, academicYear: found.academic_year };
  }
}

interface ReportFacts {
  schoolName: string;
  heldUntil: string;
  /** Whether the student counts in the class's indicators and lists (in the class at the period's end). */
  countsIn: (studentId: string) => boolean;
  absences: (studentId: string) => CountsRow;
}

/** The report from the class summary and the facts around it; pure, so the school report reuses the same rules. */
export function buildClassReport(summary: ClassSummary, facts: ReportFacts): ClassPeriodReport {
  const students = summary.students.map((student) => {
    const absences = facts.absences(student.studentId);
    return {
      studentId: student.studentId,
      name: student.name,
      counted: facts.countsIn(student.studentId),
      category: performanceCategory(countedMarks(student.subjects)),
      subjects: student.subjects.map((cell) => {
        const counted = countedMark(cell);
        return {
          subjectCode: cell.subjectCode,
          marksCount: cell.marksCount,
          average: cell.average,
          result: cell.result,
          counted: counted?.shown ?? null,
          countedFrom: counted?.from ?? null,
        };
      }),
      absences: {
        lessons: absences.lessons,
        missed: absences.absences,
        excused: absences.illness + absences.excused,
        unexcused: absences.unexcused,
        unspecified: absences.unspecified,
        late: absences.late,
      },
    };
  });
  const counted = students.filter((student) => student.counted);
  const ref = (student: (typeof students)[number]) => ({ studentId: student.studentId, name: student.name });
  const subjectsWith = (student: (typeof students)[number], test: (cell: (typeof student.subjects)[number]) => boolean) =>
    student.subjects.filter(test).map((cell) => cell.subjectCode);
  return {
    classId: summary.classId,
    className: summary.className,
    schoolName: facts.schoolName,
    period: summary.period,
    heldUntil: facts.heldUntil,
    subjects: summary.subjects,
    students,
    indicators: {
      class: indicatorsView(performanceIndicators(counted.map((student) => countedMarksOf(student.subjects)))),
      subjects: summary.subjects.map((subject) => ({
        subjectCode: subject.code,
        ...indicatorsView(
          performanceIndicators(
            counted.flatMap((student) => {
              const cell = student.subjects.find((candidate) => candidate.subjectCode === subject.code);
              return cell?.counted ? [[cell.counted.value]] : [];
            }),
          ),
        ),
      })),
    },
    lists: {
      excellent: counted.filter((student) => student.category === 'excellent').map(ref),
      good: counted.filter((student) => student.category === 'good').map(ref),
      oneThree: counted
        .filter((student) => student.category === 'one-three')
        .map((student) => ({ ...ref(student), subjectCodes: subjectsWith(student, (cell) => cell.counted?.value === 3) })),
      failing: counted
        .filter((student) => student.category === 'failing')
        .map((student) => ({
          ...ref(student),
          subjectCodes: subjectsWith(student, (cell) => cell.counted !== null && isFailingMark(cell.counted.value)),
        })),
    },
  };
}

function countedMarksOf(cells: ReadonlyArray<{ counted: ShownResult | null }>): IndicatorMark[] {
  return cells.flatMap((cell) => (cell.counted ? [cell.counted.value] : []));
}
