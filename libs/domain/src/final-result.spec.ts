import { describe, expect, it } from '@jest/globals';
import { resultDeviates, resultLabel, resultMisfit, yearAverage } from './final-result.js';

const MARKED = { marked: true, scaleMin: 2, scaleMax: 5 };
const UNMARKED = { marked: false, scaleMin: 2, scaleMax: 5 };

describe('period and year results (R-MARK-1, R-MARK-6)', () => {
  it('R-MARK-1: the paper journal\'s words for the non-numeric results', () => {
    expect([4, 'not-attested', 'pass', 'fail', 'exempt'].map((value) => resultLabel(value as never))).toEqual([
      '4',
      'н/а',
      'зачёт',
      'незачёт',
      'осв.',
    ]);
  });

  it('R-MARK-1: a marked subject takes a mark of the scale, н/а or осв.; an unmarked one зачёт/незачёт, н/а or осв.', () => {
    expect([5, 2, 'not-attested', 'exempt'].map((value) => resultMisfit(value as never, MARKED))).toEqual([null, null, null, null]);
    expect(resultMisfit(1, MARKED)).toBe('off-scale');
    expect(resultMisfit(1, { ...MARKED, scaleMin: 1 })).toBeNull();
    expect(resultMisfit('pass', MARKED)).toBe('pass-fail-in-marked-subject');
    expect(['pass', 'fail', 'not-attested', 'exempt'].map((value) => resultMisfit(value as never, UNMARKED))).toEqual([null, null, null, null]);
    expect(resultMisfit(4, UNMARKED)).toBe('mark-in-unmarked-subject');
  });

  it('R-MARK-6: a result other than the proposal is flagged; зачёт, незачёт and no result are not', () => {
    expect(resultDeviates(4, 4)).toBe(false);
    expect(resultDeviates(5, 4)).toBe(true);
    expect(resultDeviates(3, null)).toBe(true);
    expect(resultDeviates('not-attested', 4)).toBe(true);
    expect(resultDeviates('not-attested', null)).toBe(false);
    expect(resultDeviates('exempt', null)).toBe(false);
    expect(resultDeviates('pass', null)).toBe(false);
    expect(resultDeviates(null, 4)).toBe(false);
  });

  it('R-MARK-6: the year proposal from the period results: 4, 5, 4, 5 is 4.5 and proposes 5; н/а is not a zero', () => {
    expect(yearAverage([4, 5, 4, 5])).toEqual({ exact: '9/2', value: '4.50', proposed: 5 });
    expect(yearAverage([3, 'not-attested', 4, null])).toEqual({ exact: '7/2', value: '3.50', proposed: 4 });
    expect(yearAverage(['exempt', 'exempt'])).toBeNull();
  });
});
