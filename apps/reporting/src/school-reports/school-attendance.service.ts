import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pMap from 'p-map';
import { DataSource } from 'typeorm';
import {
  type ClassAttendanceReport,
  DomainError,
  ErrorCode,
  type ReportRange,
  type SchoolAttendance,
} from '#contracts';
import { addCounts, type CountsRow, NO_COUNTS, toAttendanceCounts } from '../attendance-summary/attendance-counts.js';
import { CLASS_COUNTS_SQL } from '../attendance-summary/attendance-summary-sql.js';
import { type PersonColumns, toPersonName } from '../common/person-row.js';
import { compareNames, compareRussian } from '../common/russian-order.js';
import { type ReportSpan, ReportRangeResolver } from './report-range.js';

interface ClassRow {
  id: string;
  school_id: string;
  name: string;
  grade: number;
  academic_year: string;
}

type ClassPart = Omit<ClassAttendanceReport, 'schoolName' | 'range'>;

/** Classes counted side by side: each mostly waits on the database; a few keep the pool for others. */
const CLASSES_AT_ONCE = 4;

/**
 * Attendance by school, class and student over a period or a range of dates (R-ATT-1): the class summary's query and
 * counts (absences by reason, lates, the share attended by the one rule, rounded once), for every class of the year.
 */
@Injectable()
export class SchoolAttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ranges: ReportRangeResolver,
  ) {}

  async ofSchool(schoolId: string, range: ReportRange): Promise<SchoolAttendance> {
    const span = await this.ranges.resolve(schoolId, range);
    const classes = await this.dataSource.query<ClassRow[]>(
      `SELECT id, school_id, name, grade, academic_year FROM school_class
        WHERE school_id = $1 AND grade BETWEEN $2 AND $3 AND ($4::text IS NULL OR academic_year = $4)`,
      [schoolId, span.gradeFrom, span.gradeTo, span.academicYear],
    );
    classes.sort((a, b) => a.grade - b.grade || compareRussian(a.name, b.name));
    const parts: ClassPart[] = await pMap(classes, (schoolClass) => this.classPart(schoolClass, span), { concurrency: CLASSES_AT_ONCE });
    const totals = toAttendanceCounts(parts.reduce<CountsRow>((sum, part) => addCounts(sum, countsOf(part)), NO_COUNTS));
    return { schoolId, schoolName: span.schoolName, range: rangeOf(span), totals, classes: parts };
  }

  async ofClass(classId: string, range: ReportRange): Promise<ClassAttendanceReport> {
    const [schoolClass] = await this.dataSource.query<ClassRow[]>(
      'SELECT id, school_id, name, grade, academic_year FROM school_class WHERE id = $1',
      [classId],
    );
    if (!schoolClass) throw new DomainError(ErrorCode.NotFound, 'Класс не найден');
    const span = await this.ranges.resolve(schoolClass.school_id, range);
    if (schoolClass.grade < span.gradeFrom || schoolClass.grade > span.gradeTo) {
      throw new DomainError(ErrorCode.NotFound, 'Учебный период не найден', { periodId: range.periodId });
    }
    return { ...(await this.classPart(schoolClass, span)), schoolName: span.schoolName, range: rangeOf(span) };
  }

  private async classPart(schoolClass: ClassRow, span: ReportSpan): Promise<ClassPart> {
    const rows = await this.dataSource.query<Array<CountsRow & PersonColumns & { student_id: string }>>(CLASS_COUNTS_SQL, [
      schoolClass.id,
      span.from,
      span.heldUntil,
      span.to,
    ]);
    const students = rows
      .map((row) => ({ studentId: row.student_id, name: toPersonName(row), totals: toAttendanceCounts(row) }))
      .sort((left, right) => compareNames(left.name, right.name) || left.studentId.localeCompare(right.studentId));
    // The class's share is over all its students' lessons together, not an average of their shares.
    const totals = toAttendanceCounts(rows.reduce<CountsRow>(addCounts, NO_COUNTS));
    return { classId: schoolClass.id, className: schoolClass.name, totals, students };
  }
}

function rangeOf(span: ReportSpan) {
  return { periodId: span.periodId, nameRu: span.nameRu, from: span.from, to: span.to, heldUntil: span.heldUntil };
}

/** A class's totals back as counts, for the school's sum (its share is computed again from the sum, once). */
function countsOf(part: ClassPart): CountsRow {
  const { totals } = part;
  return {
    lessons: totals.lessons,
    absences: totals.absences,
    illness: totals.absencesByReason.illness,
    excused: totals.absencesByReason.excused,
    unexcused: totals.absencesByReason.unexcused,
    unspecified: totals.absencesByReason.unspecified,
    late: totals.late,
  };
}
