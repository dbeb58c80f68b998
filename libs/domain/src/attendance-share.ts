import { Rational } from './rational.js';

const HUNDRED = Rational.of(100);

/**
 * The exact share of lessons attended, in percent: attended / total × 100 as a fraction (R-ATT-1). A late student
 * attended. Refuses counts that cannot be (negative, fractional, more attended than held), so a share is always
 * within 0–100 %; no lessons held means no share, never 0 % or 100 %.
 */
export function attendancePercent(attendedLessons: number, totalLessons: number): Rational | null {
  if (!Number.isSafeInteger(attendedLessons) || !Number.isSafeInteger(totalLessons)) {
    throw new RangeError(`Lesson counts must be integers: ${attendedLessons} of ${totalLessons}`);
  }
  if (attendedLessons < 0 || attendedLessons > totalLessons) {
    throw new RangeError(`Attended ${attendedLessons} of ${totalLessons} lessons`);
  }
  if (totalLessons === 0) return null;
  return Rational.of(attendedLessons).multiply(HUNDRED).divide(Rational.of(totalLessons));
}

/**
 * The attendance share every view shows (journal, diary, reports, exports): percent with one decimal, rounded half up
 * once from the exact fraction ("96.7" for 29 of 30, "6.3" for 1 of 16); null when no lesson was held.
 */
export function attendanceShare(attendedLessons: number, totalLessons: number): string | null {
  return attendancePercent(attendedLessons, totalLessons)?.toDecimal(1) ?? null;
}
