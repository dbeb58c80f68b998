import { Rational } from './rational.js';

export interface WeightedMark {
  value: number;
  weight: Rational;
}

/**
 * The exact weighted average of numeric marks (R-MARK-5). No marks (or only zero weights) means no average,
 * never 0: blanks, absences and non-numeric entries are simply not passed in.
 */
export function weightedAverage(marks: readonly WeightedMark[]): Rational | null {
  let total = new Rational(0n);
  let weights = new Rational(0n);
  for (const mark of marks) {
    total = total.add(Rational.of(mark.value).multiply(mark.weight));
    weights = weights.add(mark.weight);
  }
  return weights.isZero() ? null : total.divide(weights);
}

export interface AverageView {
  /** Exact value as a fraction, e.g. "7/2". */
  exact: string;
  /** Shown value, two decimals, rounded half up once from the exact value, e.g. "3.50". */
  value: string;
  /** The proposed period mark: the exact average rounded half up to a whole mark (R-MARK-6). */
  proposed: number;
}

export function viewAverage(average: Rational | null): AverageView | null {
  if (!average) return null;
  return { exact: average.toString(), value: average.toDecimal(2), proposed: Number(average.roundHalfUp()) };
}
