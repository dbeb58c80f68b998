import { type CountedMark, periodAverage } from './period-average.js';
import type { AverageView } from './weighted-average.js';

/** The non-numeric period and year results (R-MARK-1): н/а, зачёт, незачёт, осв. */
export const RESULT_WORDS = ['not-attested', 'pass', 'fail', 'exempt'] as const;
export type ResultWord = (typeof RESULT_WORDS)[number];

/** A period or year result: a mark of the scale or one of the words. */
export type ResultValue = number | ResultWord;

const LABELS: Record<ResultWord, string> = {
  'not-attested': 'н/а',
  pass: 'зачёт',
  fail: 'незачёт',
  exempt: 'осв.',
};

/** How the paper journal writes a result: "4", "н/а", "зачёт", "незачёт", "осв.". */
export function resultLabel(value: ResultValue): string {
  return typeof value === 'number' ? String(value) : LABELS[value];
}

/** Why a value does not fit the subject or the scale; null when it fits. */
export type ResultMisfit = 'off-scale' | 'mark-in-unmarked-subject' | 'pass-fail-in-marked-subject';

/**
 * Which results a subject takes (R-MARK-1): a marked subject a mark of the school's scale, an unmarked one зачёт or
 * незачёт; н/а and осв. fit both.
 */
export function resultMisfit(value: ResultValue, subject: { marked: boolean; scaleMin: number; scaleMax: number }): ResultMisfit | null {
  if (typeof value === 'number') {
    if (!subject.marked) return 'mark-in-unmarked-subject';
    return Number.isInteger(value) && value >= subject.scaleMin && value <= subject.scaleMax ? null : 'off-scale';
  }
  if ((value === 'pass' || value === 'fail') && subject.marked) return 'pass-fail-in-marked-subject';
  return null;
}

/**
 * R-MARK-6: a result that differs from the proposal is flagged for the deputy: a mark other than the proposed one, a
 * mark where nothing proposes one (no marks), or н/а / осв. where the marks propose a mark. зачёт and незачёт (unmarked
 * subjects, where nothing is proposed) and no result at all are not deviations.
 */
export function resultDeviates(value: ResultValue | null, proposed: number | null): boolean {
  if (value === null) return false;
  if (proposed === null) return typeof value === 'number';
  return value !== proposed;
}

/**
 * The year's average and proposed year result (R-MARK-6): the exact average of the numeric period results, each
 * period counting once, rounded half up once at the end, by the same function as every other average. н/а, осв.,
 * зачёт, незачёт and missing period results are not zeros: they are left out; none numeric means no proposal.
 */
export function yearAverage(periodResults: ReadonlyArray<ResultValue | null>): AverageView | null {
  const counted: CountedMark[] = periodResults
    .filter((value): value is number => typeof value === 'number')
    .map((value) => ({ value, weight: null }));
  return periodAverage(counted);
}
