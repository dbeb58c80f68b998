import { describe, expect, it } from '@jest/globals';
import { attendancePercent, attendanceShare } from './attendance-share.js';

/** A small seeded generator (mulberry32): the property runs are the same on every machine and every run. */
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

/** Half-up rounding to tenths of a percent in integer arithmetic only: floor((2000·a + t) / 2t) tenths. */
function tenthsHalfUp(attended: number, total: number): bigint {
  return (2000n * BigInt(attended) + BigInt(total)) / (2n * BigInt(total));
}

const RUNS = 5_000;

describe('attendance share (R-ATT-1)', () => {
  it('R-ATT-1: 29 of 30 lessons attended is 96.7 %', () => {
    expect(attendanceShare(29, 30)).toBe('96.7');
  });

  it('R-ATT-1: the share is rounded once, half up, from the exact fraction (1 of 16 = 6.25 % shows 6.3)', () => {
    expect(attendancePercent(1, 16)?.toString()).toBe('25/4');
    expect(attendanceShare(1, 16)).toBe('6.3');
    expect(attendanceShare(1, 8)).toBe('12.5');
    expect(attendanceShare(2, 3)).toBe('66.7');
    expect(attendanceShare(1, 3)).toBe('33.3');
    // 1 of 40 is exactly 2.5 %: one decimal keeps it.
    expect(attendanceShare(1, 40)).toBe('2.5');
    // 23 of 80 is exactly 28.75 %: 28.8, where floating point ((23 / 80) * 100).toFixed(1) shows 28.7.
    expect(attendanceShare(23, 80)).toBe('28.8');
    expect(attendanceShare(29, 400)).toBe('7.3');
  });

  it('R-ATT-1: nothing missed is 100.0 %, nothing attended 0.0 %, no lessons held no share at all', () => {
    expect(attendanceShare(30, 30)).toBe('100.0');
    expect(attendanceShare(0, 30)).toBe('0.0');
    expect(attendanceShare(0, 0)).toBeNull();
    expect(attendancePercent(0, 0)).toBeNull();
  });

  it('R-ATT-1: counts that cannot be are refused, so a share never leaves 0–100 %', () => {
    expect(() => attendanceShare(31, 30)).toThrow(RangeError);
    expect(() => attendanceShare(-1, 30)).toThrow(RangeError);
    expect(() => attendanceShare(1.5, 30)).toThrow(RangeError);
    expect(() => attendanceShare(1, 0)).toThrow(RangeError);
  });

  it('R-ATT-1 (property): for any counts the share equals the exact value rounded half up once, within 0–100 %', () => {
    const random = seeded(20261203);
    for (let run = 0; run < RUNS; run += 1) {
      // Mostly school-sized counts (a student's quarter, a class's year), sometimes very large ones.
      const total = 1 + Math.floor(random() * (run % 10 === 0 ? 1_000_000 : 2_000));
      const attended = Math.floor(random() * (total + 1));
      const shown = attendanceShare(attended, total)!;
      const tenths = tenthsHalfUp(attended, total);
      const expected = `${tenths / 10n}.${tenths % 10n}`;
      expect({ attended, total, shown }).toEqual({ attended, total, shown: expected });
      const value = Number(shown);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(100);
      // Never further than half a tenth from the exact share: 1000·a / t − 0.5 ≤ tenths ≤ 1000·a / t + 0.5.
      expect(2n * tenths * BigInt(total) - 2000n * BigInt(attended)).toBeLessThanOrEqual(BigInt(total));
      expect(2000n * BigInt(attended) - 2n * tenths * BigInt(total)).toBeLessThanOrEqual(BigInt(total));
    }
  });

  it('R-ATT-1 (property): one more lesson attended never lowers the share', () => {
    const random = seeded(42);
    for (let run = 0; run < RUNS; run += 1) {
      const total = 1 + Math.floor(random() * 5_000);
      const attended = Math.floor(random() * total);
      expect(Number(attendanceShare(attended + 1, total))).toBeGreaterThanOrEqual(Number(attendanceShare(attended, total)));
    }
  });
});
