import type { PerformanceIndicatorsView, PerformanceRow } from '#contracts';
import {
  averageText,
  differenceText,
  type IndicatorMark,
  type PerformanceIndicators,
  percentText,
  performanceIndicators,
} from '#domain';

/** The indicators as the reports show them: shares in percent with one decimal, the average with two. */
export function indicatorsView(indicators: PerformanceIndicators): PerformanceIndicatorsView {
  return {
    students: indicators.students,
    excellent: indicators.excellent,
    good: indicators.good,
    oneThree: indicators.oneThree,
    satisfactory: indicators.satisfactory,
    failing: indicators.failing,
    marks: { ...indicators.marks },
    passRate: percentText(indicators.passRate),
    quality: percentText(indicators.quality),
    sou: percentText(indicators.sou),
    averageMark: averageText(indicators.averageMark),
  };
}

/** A row of the school report before views: its key, label and the students' counted marks. */
export interface RowSource {
  key: string;
  label: string;
  students: ReadonlyArray<readonly IndicatorMark[]>;
}

/**
 * Rows of this period and, when compared, of the other one, matched by key: this period's rows in their order, then
 * those only the other period has. Differences are taken between the exact values and rounded once.
 */
export function comparedRows(current: readonly RowSource[], previous: readonly RowSource[] | null): PerformanceRow[] {
  const before = new Map((previous ?? []).map((row) => [row.key, row]));
  const rows: PerformanceRow[] = current.map((row) => toRow(row.key, row.label, row, previous ? (before.get(row.key) ?? null) : undefined));
  const shown = new Set(current.map((row) => row.key));
  for (const row of previous ?? []) if (!shown.has(row.key)) rows.push(toRow(row.key, row.label, null, row));
  return rows;
}

/** `previous` undefined: no comparison asked; null: compared, but the other period has no such row. */
function toRow(key: string, label: string, current: RowSource | null, previous: RowSource | null | undefined): PerformanceRow {
  const now = current ? performanceIndicators(current.students) : null;
  const before = previous ? performanceIndicators(previous.students) : null;
  return {
    key,
    label,
    current: now ? indicatorsView(now) : null,
    previous: before ? indicatorsView(before) : null,
    difference:
      previous === undefined
        ? null
        : {
            passRate: differenceText(now?.passRate ?? null, before?.passRate ?? null, 1),
            quality: differenceText(now?.quality ?? null, before?.quality ?? null, 1),
            sou: differenceText(now?.sou ?? null, before?.sou ?? null, 1),
            averageMark: differenceText(now?.averageMark ?? null, before?.averageMark ?? null, 2),
          },
  };
}
