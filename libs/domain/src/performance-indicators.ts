import type { ResultWord } from './final-result.js';
import { Rational } from './rational.js';

/**
 * What a report counts for a student in a subject (R-REP-1, R-REP-2): the period result when set, else the mark the
 * exact average proposes. A mark of the scale, or one of the words н/а, зачёт, незачёт, осв.
 */
export type IndicatorMark = number | ResultWord;

/** Where a student stands in a period over the marks counted in a subject (or in all their subjects). */
export type PerformanceCategory =
  /** Only 5s (отличник). */
  | 'excellent'
  /** Only 4s and 5s, at least one 4 (хорошист). */
  | 'good'
  /** Exactly one 3, the rest 4s and 5s (с одной «3»). */
  | 'one-three'
  /** No failing mark, but 3s (успевающий). */
  | 'satisfactory'
  /** Any 2 (or 1), н/а or незачёт (неуспевающий). */
  | 'failing'
  /** No mark to judge by: no marks at all, or only зачёт / осв. The student counts in no share. */
  | 'not-assessed';

/**
 * Степень обученности учащихся (В. П. Симонов): each mark's weight in СОУ = Σ weight·n / N · 100 %. 5 → 1, 4 → 0.64,
 * 3 → 0.36, 2 → 0.16, 1 and н/а → 0.07 (the variant most school
 * reports use; some use 0.08). зачёт, незачёт and осв. are not marks of the scale and are left out.
 */
export const SOU_WEIGHTS = {
  5: Rational.parseDecimal('1'),
  4: Rational.parseDecimal('0.64'),
  3: Rational.parseDecimal('0.36'),
  2: Rational.parseDecimal('0.16'),
  1: Rational.parseDecimal('0.07'),
  notAttested: Rational.parseDecimal('0.07'),
} as const;

const HUNDRED = Rational.of(100);

/** A failing mark: a 2 or 1, н/а or незачёт. */
export function isFailingMark(mark: IndicatorMark): boolean {
  return mark === 'not-attested' || mark === 'fail' || (typeof mark === 'number' && mark <= 2);
}

/**
 * The category of a student over the marks counted for them (one subject's, or all subjects'): any 2, 1, н/а or
 * незачёт fails; otherwise the numeric marks decide; зачёт and осв. neither help nor hurt.
 */
export function performanceCategory(marks: readonly IndicatorMark[]): PerformanceCategory {
  if (marks.some(isFailingMark)) return 'failing';
  const numeric = marks.filter((mark): mark is number => typeof mark === 'number');
  if (numeric.length === 0) return 'not-assessed';
  if (numeric.every((mark) => mark === 5)) return 'excellent';
  const threes = numeric.filter((mark) => mark === 3).length;
  if (threes === 0) return 'good';
  return threes === 1 && numeric.every((mark) => mark >= 3) ? 'one-three' : 'satisfactory';
}

/** How many of each mark were counted. */
export interface MarkCounts {
  five: number;
  four: number;
  three: number;
  two: number;
  one: number;
  notAttested: number;
}

/** The indicators of a set of students (a class, a parallel, a subject's students, a teacher's), all exact. */
export interface PerformanceIndicators {
  /** Students who count: those with at least one mark of the scale, н/а or незачёт. */
  students: number;
  excellent: number;
  good: number;
  oneThree: number;
  satisfactory: number;
  failing: number;
  marks: MarkCounts;
  /** Успеваемость: students without a 2, 1, н/а or незачёт, of those who count, in percent; null when none count. */
  passRate: Rational | null;
  /** Качество знаний: students with only 4s and 5s (excellent and good), of those who count, in percent. */
  quality: Rational | null;
  /** СОУ over every mark of the scale and н/а counted, in percent. */
  sou: Rational | null;
  /** Средний балл: the plain mean of the marks of the scale counted (н/а, зачёт … are not zeros). */
  averageMark: Rational | null;
}

/**
 * The indicators of students, each given as the marks counted for them (for a class: all their subjects; for a
 * subject: that one mark). Shares are exact fractions; views round them once (`percentText`, `averageText`).
 */
export function performanceIndicators(students: ReadonlyArray<readonly IndicatorMark[]>): PerformanceIndicators {
  const categories = { excellent: 0, good: 0, 'one-three': 0, satisfactory: 0, failing: 0, 'not-assessed': 0 };
  const marks: MarkCounts = { five: 0, four: 0, three: 0, two: 0, one: 0, notAttested: 0 };
  let sum = 0;
  for (const counted of students) {
    categories[performanceCategory(counted)] += 1;
    for (const mark of counted) {
      if (mark === 'not-attested') marks.notAttested += 1;
      if (typeof mark !== 'number') continue;
      sum += mark;
      if (mark >= 5) marks.five += 1;
      else if (mark === 4) marks.four += 1;
      else if (mark === 3) marks.three += 1;
      else if (mark === 2) marks.two += 1;
      else marks.one += 1;
    }
  }
  const counted = students.length - categories['not-assessed'];
  const numeric = marks.five + marks.four + marks.three + marks.two + marks.one;
  const souMarks = numeric + marks.notAttested;
  const share = (part: number, whole: number) => (whole === 0 ? null : Rational.of(part).multiply(HUNDRED).divide(Rational.of(whole)));
  const souSum = SOU_WEIGHTS[5]
    .multiply(Rational.of(marks.five))
    .add(SOU_WEIGHTS[4].multiply(Rational.of(marks.four)))
    .add(SOU_WEIGHTS[3].multiply(Rational.of(marks.three)))
    .add(SOU_WEIGHTS[2].multiply(Rational.of(marks.two)))
    .add(SOU_WEIGHTS[1].multiply(Rational.of(marks.one)))
    .add(SOU_WEIGHTS.notAttested.multiply(Rational.of(marks.notAttested)));
  return {
    students: counted,
    excellent: categories.excellent,
    good: categories.good,
    oneThree: categories['one-three'],
    satisfactory: categories.satisfactory,
    failing: categories.failing,
    marks,
    passRate: share(counted - categories.failing, counted),
    quality: share(categories.excellent + categories.good, counted),
    sou: souMarks === 0 ? null : souSum.multiply(HUNDRED).divide(Rational.of(souMarks)),
    averageMark: numeric === 0 ? null : Rational.of(sum).divide(Rational.of(numeric)),
  };
}

/** A share in percent as reports show it: one decimal, rounded half up once from the exact value; null stays null. */
export function percentText(value: Rational | null): string | null {
  return value?.toDecimal(1) ?? null;
}

/** An average mark as reports show it: two decimals, rounded half up once from the exact value. */
export function averageText(value: Rational | null): string | null {
  return value?.toDecimal(2) ?? null;
}

/**
 * The change from `before` to `now`, exact, rounded once (half away from zero) to `places` decimals, with its sign
 * ("+12.5", "-3.0", "0.0"); null when either side is missing.
 */
export function differenceText(now: Rational | null, before: Rational | null, places: number): string | null {
  if (now === null || before === null) return null;
  const difference = now.add(new Rational(-before.numerator, before.denominator));
  const text = difference.toDecimal(places);
  return difference.numerator > 0n && !/^0\.?0*$/.test(text) ? `+${text}` : text.replace(/^-(0\.?0*)$/, '$1');
}
