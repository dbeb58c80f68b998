import { describe, expect, it } from '@jest/globals';
import { type CountedMark, periodAverage } from './period-average.js';
import { yearAverage } from './final-result.js';

/** mulberry32: a tiny seeded generator, so every run checks the same cases and a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SEED = 20_261_203;
const CASES = 3_000;

interface Case {
  scaleMin: 1 | 2;
  marks: CountedMark[];
}

function generator(seed: number) {
  const random = seeded(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  /** A weight as schools write them (identity's WorkKind: up to two digits, up to two decimals), 0 now and then. */
  const weight = (): string | null => {
    const shape = int(0, 9);
    if (shape === 0) return null;
    if (shape === 1) return '0';
    if (shape < 5) return String(int(1, 3));
    const whole = int(0, 99);
    const fraction = shape < 8 ? String(int(0, 9)) : String(int(0, 99)).padStart(2, '0');
    return `${whole}.${fraction}`;
  };
  const nextCase = (): Case => {
    const scaleMin = int(1, 2) as 1 | 2;
    const count = int(0, 6) === 0 ? 0 : int(1, 60);
    return { scaleMin, marks: Array.from({ length: count }, () => ({ value: int(scaleMin, 5), weight: weight() })) };
  };
  return { nextCase, int, random };
}

/** A decimal weight in hundredths, parsed here without Rational: "1.5" → 150n; null (unknown kind) counts once. */
function hundredths(weight: string | null): bigint {
  if (weight === null) return 100n;
  const [whole, fraction = ''] = weight.split('.');
  return BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/** The exact average computed independently: Σ v·w / Σ w as a reduced BigInt fraction; null when Σ w = 0. */
function expected(marks: readonly CountedMark[]): { numerator: bigint; denominator: bigint } | null {
  let numerator = 0n;
  let denominator = 0n;
  for (const mark of marks) {
    const w = hundredths(mark.weight);
    numerator += BigInt(mark.value) * w;
    denominator += w;
  }
  if (denominator === 0n) return null;
  const divisor = gcd(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

/** floor(n/d + 1/2) for non-negative n, d > 0: half rounds up. */
const halfUp = (n: bigint, d: bigint): bigint => (2n * n + d) / (2n * d);

describe('weighted average, property-based (R-MARK-5, R-MARK-6)', () => {
  it(`R-MARK-5: for any marks and weights the average is exactly Σ v·w / Σ w (BigInt, ${CASES} seeded cases)`, () => {
    const { nextCase } = generator(SEED);
    let withAverage = 0;
    for (let index = 0; index < CASES; index += 1) {
      const { marks } = nextCase();
      const truth = expected(marks);
      const average = periodAverage(marks);
      if (truth === null) {
        // No marks, or only weight 0: no average at all, never 0.
        expect({ index, marks, average }).toEqual({ index, marks, average: null });
        continue;
      }
      withAverage += 1;
      const exact = truth.denominator === 1n ? `${truth.numerator}` : `${truth.numerator}/${truth.denominator}`;
      const shown = halfUp(truth.numerator * 100n, truth.denominator);
      const value = `${shown / 100n}.${String(shown % 100n).padStart(2, '0')}`;
      expect({ index, marks, average }).toEqual({
        index,
        marks,
        average: { exact, value, proposed: Number(halfUp(truth.numerator, truth.denominator)) },
      });
    }
    // The generator must exercise the interesting part, not only empty lists.
    expect(withAverage).toBeGreaterThan(CASES * 0.7);
  });

  it('R-MARK-6: the proposal is the average rounded half up once, and always a mark of the scale', () => {
    const { nextCase } = generator(SEED + 1);
    for (let index = 0; index < CASES; index += 1) {
      const { scaleMin, marks } = nextCase();
      const average = periodAverage(marks);
      if (average === null) continue;
      const truth = expected(marks)!;
      const twice = 2n * truth.numerator;
      const floor = truth.numerator / truth.denominator;
      // x.5 exactly goes up; below it stays; above it goes up.
      const proposed = twice % (2n * truth.denominator) === truth.denominator ? floor + 1n : halfUp(truth.numerator, truth.denominator);
      expect({ index, proposed: average.proposed }).toEqual({ index, proposed: Number(proposed) });
      expect(average.proposed).toBeGreaterThanOrEqual(scaleMin);
      expect(average.proposed).toBeLessThanOrEqual(5);
    }
  });

  it('R-MARK-6: an average of exactly k.5 proposes k + 1, for any weights that make it so', () => {
    const { int } = generator(SEED + 2);
    for (let index = 0; index < CASES; index += 1) {
      const low = int(1, 4);
      const weight = `${int(0, 20)}.${int(1, 9)}`;
      // Equal weights on k and k+1, plus any number of pairs k-1/k+2… balanced around k.5.
      const marks: CountedMark[] = [
        { value: low, weight },
        { value: low + 1, weight },
      ];
      for (let pair = int(0, 3); pair > 0; pair -= 1) {
        const spread = int(0, Math.min(low - 1, 4 - low));
        const w = String(int(1, 5));
        marks.push({ value: low - spread, weight: w }, { value: low + 1 + spread, weight: w });
      }
      const average = periodAverage(marks);
      expect({ index, marks, exact: average?.exact, proposed: average?.proposed }).toEqual({
        index,
        marks,
        exact: `${2 * low + 1}/2`,
        proposed: low + 1,
      });
    }
  });

  it('R-MARK-5: the order of the marks never changes the average', () => {
    const { nextCase, random } = generator(SEED + 3);
    for (let index = 0; index < 500; index += 1) {
      const { marks } = nextCase();
      const shuffled = [...marks].sort(() => random() - 0.5);
      expect(periodAverage(shuffled)).toEqual(periodAverage(marks));
    }
  });

  it('R-MARK-6: the year proposal is the exact average of the numeric period results, half up; words are left out', () => {
    const { int } = generator(SEED + 4);
    const words = ['not-attested', 'pass', 'fail', 'exempt', null] as const;
    for (let index = 0; index < CASES; index += 1) {
      const results = Array.from({ length: int(1, 4) }, () => (int(0, 4) === 0 ? words[int(0, 4)]! : int(2, 5)));
      const numeric = results.filter((value): value is number => typeof value === 'number');
      const average = yearAverage(results);
      if (numeric.length === 0) {
        expect({ index, results, average }).toEqual({ index, results, average: null });
        continue;
      }
      const sum = BigInt(numeric.reduce((total, value) => total + value, 0));
      const count = BigInt(numeric.length);
      expect({ index, results, proposed: average?.proposed }).toEqual({ index, results, proposed: Number(halfUp(sum, count)) });
    }
  });
});
