import type { Average } from '#contracts';
import { Rational, viewAverage, weightedAverage } from '#domain';

/** A mark as the average counts it: its value and the weight of its kind in its school (null: kind unknown). */
export interface CountedMark {
  value: number;
  weight: string | null;
}

const ONCE = Rational.of(1);

/**
 * The exact period average and the proposed mark (R-MARK-5, R-MARK-6). Every view computes it here, so the diary
 * and the class summary show the same number for the same marks. No marks: null, never 0.
 */
export function periodAverage(marks: readonly CountedMark[]): Average | null {
  return viewAverage(
    weightedAverage(
      marks.map((mark) => ({
        value: mark.value,
        weight: mark.weight === null ? ONCE : Rational.parseDecimal(mark.weight),
      })),
    ),
  );
}
