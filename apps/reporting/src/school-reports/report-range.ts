import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, type ReportRange, type ResolvedRange } from '#contracts';
import { addDays, daysBetween, schoolDateAt } from '#domain';
import { Clock } from '#platform';
import { russianDate } from '../printing/journal-page.js';

/** A report's span with what the school reports need besides its dates. */
export interface ReportSpan extends ResolvedRange {
  schoolName: string;
  timeZone: string;
  /** Today in the school's zone (R-CAL-2). */
  today: string;
  /** The school year the span is in (its start day's year, or the period's): whose classes and plans are reported. */
  academicYear: string | null;
  /** The grades of the period asked for; all grades for a range of dates. */
  gradeFrom: number;
  gradeTo: number;
}

interface PeriodRow {
  id: string;
  name_ru: string;
  start_date: string;
  end_date: string;
  grade_from: number;
  grade_to: number;
  label: string;
}

const MAX_RANGE_DAYS = 366;

/** Resolves a report's period or range of dates in a school; a period of another school is NOT_FOUND. */
@Injectable()
export class ReportRangeResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async resolve(schoolId: string, range: ReportRange): Promise<ReportSpan> {
    const [school] = await this.dataSource.query<Array<{ name: string; time_zone: string }>>(
      'SELECT name, time_zone FROM school WHERE id = $1',
      [schoolId],
    );
    if (!school) throw new DomainError(ErrorCode.NotFound, 'Школа не найдена');
    const today = schoolDateAt(this.clock.now(), school.time_zone);
    const base = { schoolName: school.name, timeZone: school.time_zone, today };
    if (range.periodId !== undefined) {
      const [period] = await this.dataSource.query<PeriodRow[]>(
        `SELECT pr.id, pr.name_ru, pr.start_date, pr.end_date, pr.grade_from, pr.grade_to, y.label
           FROM period pr JOIN academic_year y ON y.id = pr.year_id
          WHERE pr.id = $1 AND y.school_id = $2`,
        [range.periodId, schoolId],
      );
      if (!period) throw new DomainError(ErrorCode.NotFound, 'Учебный период не найден', { periodId: range.periodId });
      return {
        ...base,
        periodId: period.id,
        nameRu: `${period.name_ru} ${period.label}`,
        from: period.start_date,
        to: period.end_date,
        heldUntil: earlier(period.end_date, today),
        academicYear: period.label,
        gradeFrom: period.grade_from,
        gradeTo: period.grade_to,
      };
    }
    const from = range.from!;
    const to = range.to!;
    if (daysBetween(from, to) >= MAX_RANGE_DAYS) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Диапазон дат — не больше года');
    }
    const [year] = await this.dataSource.query<Array<{ label: string }>>(
      `SELECT label FROM academic_year WHERE school_id = $1 AND start_date <= $2::date ORDER BY start_date DESC LIMIT 1`,
      [schoolId, from],
    );
    return {
      ...base,
      periodId: null,
      nameRu: `${russianDate(from, true)} – ${russianDate(to, true)}`,
      from,
      to,
      heldUntil: earlier(to, today),
      academicYear: year?.label ?? null,
      gradeFrom: 1,
      gradeTo: 11,
    };
  }
}

function earlier(left: string, right: string): string {
  return left < right ? left : right;
}

/** The day before `date`. */
export function dayBefore(date: string): string {
  return addDays(date, -1);
}
