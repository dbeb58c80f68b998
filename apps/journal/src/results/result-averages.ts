import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type PeriodResultOfYear, PlanningRpc, type SubjectRoster } from '#contracts';
import { type AverageView, type CountedMark, periodAverage, resultLabel, yearAverage } from '#domain';
import { RpcClient } from '#platform';
import { FinalResultEntity } from './final-result.entity.js';
import { resultValueOf } from './final-result.mapper.js';
import type { ResolvedTerm } from './result-terms.js';

/** What a student's proposal is made of: how many marks (or period results) counted, and the exact average. */
export interface StudentAverage {
  counted: number;
  average: AverageView | null;
  /** For a year: the period results the proposal comes from. */
  periodResults?: PeriodResultOfYear[];
}

interface MarkRow {
  student_id: string;
  lesson_id: string;
  page_id: string;
  value: number;
  work_kind: string;
}

// A student's current marks on the pages of the subject (deleted ones count nowhere, R-MARK-5).
const MARKS_SQL = `
  SELECT student_id, lesson_id, page_id, value, work_kind
    FROM mark
   WHERE deleted_at IS NULL AND student_id = ANY($1::uuid[]) AND page_id = ANY($2::uuid[])`;

const NO_AVERAGE: StudentAverage = { counted: 0, average: null };

/**
 * The exact averages and proposals that guide the teacher (R-MARK-5, R-MARK-6), by `periodAverage`, the function the
 * e-diary, the class summary and the deputy's list use too, over the same data: a period's current marks of the
 * subject in lessons dated within it (planning's dates, moves included), on every page of the subject in the school —
 * a transferred student's marks of both classes (R-CAL-4) — each weighted by its kind in the school (identity).
 */
@Injectable()
export class ResultAverages {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rpc: RpcClient,
  ) {}

  async of(roster: SubjectRoster, term: ResolvedTerm, studentIds: readonly string[]): Promise<Map<string, StudentAverage>> {
    if (studentIds.length === 0) return new Map();
    return term.kind === 'year' ? this.ofYear(roster, term, studentIds) : this.ofPeriod(roster, term, studentIds);
  }

  private async ofPeriod(roster: SubjectRoster, term: ResolvedTerm, studentIds: readonly string[]): Promise<Map<string, StudentAverage>> {
    const averages = new Map<string, StudentAverage>();
    if (roster.subjectPageIds.length === 0) return averages;
    const marks = await this.dataSource.query<MarkRow[]>(MARKS_SQL, [studentIds, roster.subjectPageIds]);
    const pageIds = [...new Set(marks.map((mark) => mark.page_id))];
    if (pageIds.length === 0) return averages;
    const { lessons } = await this.rpc.call(PlanningRpc.lessonsOfPages, { pageIds, from: term.start, to: term.end });
    const { page, school } = roster;
    const inTerm = new Set(
      lessons.filter((lesson) => lesson.subjectCode === page.subjectCode && lesson.schoolId === page.schoolId).map((lesson) => lesson.id),
    );
    const weights = new Map(school.workKinds.map((kind) => [kind.code, kind.weight]));
    const counted = new Map<string, CountedMark[]>();
    for (const mark of marks) {
      if (!inTerm.has(mark.lesson_id)) continue;
      const list = counted.get(mark.student_id) ?? [];
      list.push({ value: mark.value, weight: weights.get(mark.work_kind) ?? null });
      counted.set(mark.student_id, list);
    }
    for (const [studentId, list] of counted) averages.set(studentId, { counted: list.length, average: periodAverage(list) });
    return averages;
  }

  private async ofYear(roster: SubjectRoster, term: ResolvedTerm, studentIds: readonly string[]): Promise<Map<string, StudentAverage>> {
    const rows = await this.dataSource
      .getRepository(FinalResultEntity)
      .createQueryBuilder('r')
      .where("r.term = 'period'")
      .andWhere('r.term_id = ANY(:periodIds)', { periodIds: term.periods.map((period) => period.id) })
      .andWhere('r.subject_code = :subjectCode', { subjectCode: roster.page.subjectCode })
      .andWhere('r.student_id = ANY(:studentIds)', { studentIds })
      .getMany();
    const averages = new Map<string, StudentAverage>();
    for (const studentId of studentIds) {
      const periodResults = term.periods.map((period): PeriodResultOfYear => {
        const value = resultValueOf(rows.find((row) => row.studentId === studentId && row.termId === period.id)?.value ?? null);
        return { periodId: period.id, nameRu: period.nameRu, value, label: value === null ? null : resultLabel(value) };
      });
      const values = periodResults.map((result) => result.value);
      averages.set(studentId, {
        counted: values.filter((value) => typeof value === 'number').length,
        average: yearAverage(values),
        periodResults,
      });
    }
    return averages;
  }
}

export function averageOf(averages: ReadonlyMap<string, StudentAverage>, studentId: string): StudentAverage {
  return averages.get(studentId) ?? NO_AVERAGE;
}
