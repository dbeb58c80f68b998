import { Rational } from './rational.js';
import { type AverageView, viewAverage, weightedAverage } from './weighted-average.js';

/**
 * A mark as an average counts it: its value and the weight of its kind in its school, a decimal such as "1" or "1.5"
 * (null: a kind the school does not know, counted once).
 */
export interface CountedMark {
  value: number;
  weight: string | null;
}

const ONCE = Rational.of(1);

/**
 * The exact average and the proposed mark (R-MARK-4, R-MARK-5, R-MARK-6): the one function behind every average and
 * proposal shown anywhere (the journal's period results, the e-diary, the class summary, the deputy's list of
 * deviations), so the same marks always show the same number. Only numeric marks are passed in: blanks, absences and
 * non-numeric entries are not zeros. No marks (or only weight 0): null, never 0.
 */
export function periodAverage(marks: readonly CountedMark[]): AverageView | null {
  return viewAverage(
    weightedAverage(
      marks.map((mark) => ({
        value: mark.value,
        weight: mark.weight === null ? ONCE : Rational.parseDecimal(mark.weight),
      })),
    ),
  );
}
