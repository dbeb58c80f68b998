import { Injectable } from '@nestjs/common';
import {
  type AcademicYear,
  DomainError,
  ErrorCode,
  type Page,
  type Period,
  PlanningRpc,
  type ResultTerm,
  type ResultTermInfo,
} from '#contracts';
import { RpcClient } from '#platform';

/** A period or a year as a page's results see it: its days for the page's grade, and its periods. */
export interface ResolvedTerm extends ResultTermInfo {
  yearId: string;
  /** The grade's periods of the year, in order (for a period: the period itself). */
  periods: Period[];
  /** The period that decides whether the term is closed: the period itself, for a year its last period. */
  closingPeriod: Period;
}

/** What a term is found by, before the page is known: the year, and the period if the term is one. */
export interface TermLookup {
  kind: ResultTerm;
  year: AcademicYear;
  period: Period | null;
  /** The days the page's students are looked up over. */
  from: string;
  to: string;
}

function periodNotFound(): DomainError {
  return new DomainError(ErrorCode.NotFound, 'Учебный период не найден');
}

function yearNotFound(): DomainError {
  return new DomainError(ErrorCode.NotFound, 'Учебный год не найден');
}

function isNotFound(error: unknown): boolean {
  return error instanceof DomainError && error.code === ErrorCode.NotFound;
}

/** Planning's periods and years for results; a term of another school, year or grade than the page's is NOT_FOUND. */
@Injectable()
export class ResultTerms {
  constructor(private readonly rpc: RpcClient) {}

  /** The term by its id; null when planning has no such period or year. */
  async lookup(kind: ResultTerm, termId: string): Promise<TermLookup | null> {
    try {
      if (kind === 'year') {
        const year = await this.rpc.call(PlanningRpc.getYear, { yearId: termId });
        return { kind, year, period: null, from: year.start, to: year.end };
      }
      const period = await this.rpc.call(PlanningRpc.getPeriod, { periodId: termId });
      const year = await this.rpc.call(PlanningRpc.getYear, { yearId: period.yearId });
      return { kind, year, period, from: period.start, to: period.end };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  notFound(kind: ResultTerm): DomainError {
    return kind === 'year' ? yearNotFound() : periodNotFound();
  }

  /** The term for the page: of the page's school and academic year, and for a period, of the page's grade. */
  forPage(found: TermLookup | null, kind: ResultTerm, page: Page): ResolvedTerm {
    if (!found || found.year.schoolId !== page.schoolId || found.year.label !== page.academicYear) throw this.notFound(kind);
    const { year, period } = found;
    const periods = year.periods
      .filter((candidate) => candidate.gradeFrom <= page.grade && page.grade <= candidate.gradeTo)
      .sort((left, right) => left.start.localeCompare(right.start));
    if (period) {
      if (!periods.some((candidate) => candidate.id === period.id)) throw periodNotFound();
      const { id, nameRu, start, end, closed } = period;
      return { kind, id, nameRu, start, end, closed, yearId: year.id, periods: [period], closingPeriod: period };
    }
    const [first, last] = [periods[0], periods.at(-1)];
    if (!first || !last) throw yearNotFound();
    return {
      kind,
      id: year.id,
      nameRu: `${year.label} учебный год`,
      start: first.start,
      end: last.end,
      // Year results are final with the year's last period: they change while it is open.
      closed: last.closed,
      yearId: year.id,
      periods,
      closingPeriod: last,
    };
  }
}
