import { describe, expect, it } from '@jest/globals';
import { periodAverage } from './period-average.js';

const once = (...values: number[]) => values.map((value) => ({ value, weight: '1' }));

describe('period average (R-MARK-5, R-MARK-6)', () => {
  it('R-MARK-5: 3 and 4 give exactly 7/2, shown as 3.50; R-MARK-6: proposes 4', () => {
    expect(periodAverage(once(3, 4))).toEqual({ exact: '7/2', value: '3.50', proposed: 4 });
  });

  it('R-MARK-6: 2 and 3 (2.5) propose 3', () => {
    expect(periodAverage(once(2, 3))).toEqual({ exact: '5/2', value: '2.50', proposed: 3 });
  });

  it('R-MARK-4: a kind of weight 2 counts twice, and decimal weights stay exact', () => {
    expect(periodAverage([{ value: 5, weight: '2' }, { value: 2, weight: '1' }])).toEqual({
      exact: '4',
      value: '4.00',
      proposed: 4,
    });
    expect(periodAverage([{ value: 5, weight: '1.5' }, { value: 4, weight: '1' }])).toEqual({
      exact: '23/5',
      value: '4.60',
      proposed: 5,
    });
  });

  it('R-MARK-4: a mark of a kind the school does not know counts once', () => {
    expect(periodAverage([{ value: 5, weight: null }, { value: 2, weight: '2' }])).toEqual({
      exact: '3',
      value: '3.00',
      proposed: 3,
    });
  });

  it('R-MARK-5: no marks means no average, never 0', () => {
    expect(periodAverage([])).toBeNull();
  });
});
