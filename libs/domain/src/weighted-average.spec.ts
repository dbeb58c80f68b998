import { describe, expect, it } from '@jest/globals';
import { Rational } from './rational.js';
import { viewAverage, weightedAverage } from './weighted-average.js';

const once = Rational.of(1);
const marks = (...values: number[]) => values.map((value) => ({ value, weight: once }));

describe('weighted average (R-MARK-5, R-MARK-6)', () => {
  it('R-MARK-5: 3 and 4 average to exactly 3.5, not 3.4999…', () => {
    const average = weightedAverage(marks(3, 4));
    expect(average?.toString()).toBe('7/2');
    expect(viewAverage(average)?.value).toBe('3.50');
  });

  it('R-MARK-6: 3.5 proposes 4', () => {
    expect(viewAverage(weightedAverage(marks(3, 4)))?.proposed).toBe(4);
  });

  it('R-MARK-6: 2.5 proposes 3', () => {
    expect(viewAverage(weightedAverage(marks(2, 3)))?.proposed).toBe(3);
  });

  it('R-MARK-6: 4.49 proposes 4', () => {
    // 449 fives and fours weighted so the exact mean is 4.49
    const average = weightedAverage([
      { value: 5, weight: Rational.parseDecimal('0.49') },
      { value: 4, weight: Rational.parseDecimal('0.51') },
    ]);
    expect(average?.toDecimal(2)).toBe('4.49');
    expect(viewAverage(average)?.proposed).toBe(4);
  });

  it('R-MARK-5: no marks means no average, not 0', () => {
    expect(weightedAverage([])).toBeNull();
    expect(viewAverage(null)).toBeNull();
  });

  it('R-MARK-4: a mark of weight 2 counts twice', () => {
    const average = weightedAverage([
      { value: 5, weight: Rational.of(2) },
      { value: 2, weight: once },
    ]);
    expect(average?.toString()).toBe('4');
  });

  it('R-MARK-5: the shown value is rounded once from the exact value (8/3 shows 2.67)', () => {
    expect(weightedAverage(marks(2, 3, 3))?.toDecimal(2)).toBe('2.67');
  });

  it('R-MARK-5: 2.445 shows 2.45 (half up), exactly', () => {
    expect(Rational.parseDecimal('2.445').toDecimal(2)).toBe('2.45');
  });
});
