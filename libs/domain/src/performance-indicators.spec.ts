import { describe, expect, it } from '@jest/globals';
import {
  averageText,
  differenceText,
  type IndicatorMark,
  percentText,
  performanceCategory,
  performanceIndicators,
} from './performance-indicators.js';
import { Rational } from './rational.js';

describe('performance indicators (R-REP-1, R-REP-2)', () => {
  it('R-REP-1: a student is excellent with only 5s, good with 4s and 5s, «with one 3», satisfactory, or failing', () => {
    expect(performanceCategory([5, 5, 5])).toBe('excellent');
    expect(performanceCategory([5, 4, 5])).toBe('good');
    expect(performanceCategory([4, 4])).toBe('good');
    expect(performanceCategory([5, 3, 4])).toBe('one-three');
    expect(performanceCategory([3])).toBe('one-three');
    expect(performanceCategory([3, 3, 5])).toBe('satisfactory');
    expect(performanceCategory([5, 5, 2])).toBe('failing');
    expect(performanceCategory([5, 'not-attested'])).toBe('failing');
    expect(performanceCategory([5, 'fail'])).toBe('failing');
    expect(performanceCategory([4, 1])).toBe('failing');
  });

  it('R-REP-1: зачёт and осв. neither help nor hurt; no marks at all is not assessed, not failing', () => {
    expect(performanceCategory([5, 'pass', 'exempt'])).toBe('excellent');
    expect(performanceCategory(['pass', 'exempt'])).toBe('not-assessed');
    expect(performanceCategory([])).toBe('not-assessed');
  });

  it('R-REP-1: pass rate 3 of 4 = 75.0 %, quality 2 of 4 = 50.0 %, СОУ and the average over the marks counted', () => {
    const students: IndicatorMark[][] = [[5], [4, 5], [3, 5], [3, 'not-attested']];
    const indicators = performanceIndicators(students);
    expect(indicators).toMatchObject({
      students: 4,
      excellent: 1,
      good: 1,
      oneThree: 1,
      satisfactory: 0,
      failing: 1,
      marks: { five: 3, four: 1, three: 2, two: 0, one: 0, notAttested: 1 },
    });
    expect(indicators.passRate?.toString()).toBe('75');
    expect(indicators.quality?.toString()).toBe('50');
    // СОУ: (3·1 + 0.64 + 2·0.36 + 0.07) / 7 · 100 = 443/7 % = 63.29 %.
    expect(indicators.sou?.toString()).toBe('443/7');
    expect(percentText(indicators.sou)).toBe('63.3');
    // The average: (5 + 4 + 5 + 3 + 5 + 3) / 6 = 25/6 (н/а is no zero).
    expect(indicators.averageMark?.toString()).toBe('25/6');
    expect(averageText(indicators.averageMark)).toBe('4.17');
  });

  it('R-REP-1: shares are exact and rounded once, half up (1 of 16 failing: 93.75 % passes, shown 93.8)', () => {
    const students: IndicatorMark[][] = [...Array.from({ length: 15 }, () => [4]), [2]];
    const indicators = performanceIndicators(students);
    expect(indicators.passRate?.toString()).toBe('375/4');
    expect(percentText(indicators.passRate)).toBe('93.8');
    // The average 62/16 = 3.875 shows 3.88 (half up, not to even).
    expect(averageText(indicators.averageMark)).toBe('3.88');
    // 23 of 80 pass: exactly 28.75 %, 28.8 (floating point would show 28.7).
    const many: IndicatorMark[][] = [...Array.from({ length: 23 }, () => [3]), ...Array.from({ length: 57 }, () => [2])];
    expect(percentText(performanceIndicators(many).passRate)).toBe('28.8');
  });

  it('R-REP-1: nobody assessed gives no shares, never 0 % or 100 %', () => {
    const indicators = performanceIndicators([[], ['pass']]);
    expect(indicators).toMatchObject({ students: 0, passRate: null, quality: null, sou: null, averageMark: null });
  });

  it('R-REP-2: the difference between periods is exact, rounded once, with its sign', () => {
    expect(differenceText(Rational.of(75), new Rational(200n, 3n), 1)).toBe('+8.3');
    expect(differenceText(new Rational(200n, 3n), Rational.of(75), 1)).toBe('-8.3');
    expect(differenceText(Rational.of(50), Rational.of(50), 1)).toBe('0.0');
    // A tiny change shows as no change, without a sign.
    expect(differenceText(new Rational(1n, 1000n), Rational.of(0), 1)).toBe('0.0');
    expect(differenceText(Rational.of(0), new Rational(1n, 1000n), 1)).toBe('0.0');
    expect(differenceText(null, Rational.of(1), 1)).toBeNull();
  });
});
