import { describe, expect, it } from '@jest/globals';
import { defaultBells } from './default-bells.js';

describe('default bells', () => {
  it('R-PLAN-3: lesson 1 at 08:30, 40-minute lessons, 20-minute breaks after lessons 2 and 3', () => {
    const byNumber = new Map(defaultBells().map((bell) => [bell.lessonNumber, `${bell.start}-${bell.end}`]));
    expect(byNumber.get(0)).toBe('07:40-08:20');
    expect(byNumber.get(1)).toBe('08:30-09:10');
    expect(byNumber.get(2)).toBe('09:20-10:00');
    expect(byNumber.get(3)).toBe('10:20-11:00');
    expect(byNumber.get(4)).toBe('11:20-12:00');
    expect(byNumber.get(5)).toBe('12:10-12:50');
    expect(byNumber.get(10)).toBe('16:20-17:00');
  });
});
