import { describe, expect, it } from '@jest/globals';
import { addDays, eachDate, instantAt, isoWeekday, schoolDateAt, wallClockAt, weekStart } from './school-date.js';

describe('school dates (R-CAL-2)', () => {
  it('R-CAL-2: 20:30 UTC on 2 December is already 3 December in Asia/Yekaterinburg', () => {
    expect(schoolDateAt(new Date('2026-12-02T20:30:00Z'), 'Asia/Yekaterinburg')).toBe('2026-12-03');
    expect(schoolDateAt(new Date('2026-12-02T18:59:59Z'), 'Asia/Yekaterinburg')).toBe('2026-12-02');
  });

  it('R-CAL-2: midnight at the school is judged in the school zone, whatever the server zone', () => {
    expect(schoolDateAt(new Date('2026-09-09T19:00:00Z'), 'Asia/Yekaterinburg')).toBe('2026-09-10');
    expect(schoolDateAt(new Date('2026-09-09T19:00:00Z'), 'Europe/Moscow')).toBe('2026-09-09');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('knows weekdays and week starts', () => {
    expect(isoWeekday('2026-12-03')).toBe(4);
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(weekStart('2026-12-03')).toBe('2026-11-30');
  });

  it('lists every date of a range, both ends included', () => {
    expect([...eachDate('2026-12-30', '2027-01-02')]).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });

  it('R-CAL-2: 09:10 at a school in Yekaterinburg is 04:10 UTC; in Moscow 06:10 UTC', () => {
    expect(instantAt('2026-12-03', '09:10', 'Asia/Yekaterinburg').toISOString()).toBe('2026-12-03T04:10:00.000Z');
    expect(instantAt('2026-12-03', '09:10', 'Europe/Moscow').toISOString()).toBe('2026-12-03T06:10:00.000Z');
    expect(instantAt('2026-07-01', '00:30', 'Europe/Berlin').toISOString()).toBe('2026-06-30T22:30:00.000Z');
  });

  it("R-CAL-2: the wall clock at the school at an instant, midnight as 00, not the server's", () => {
    expect(wallClockAt(new Date('2026-12-31T19:00:05Z'), 'Asia/Yekaterinburg')).toEqual({
      year: '2027',
      month: '01',
      day: '01',
      hour: '00',
      minute: '00',
      second: '05',
    });
    expect(wallClockAt(new Date('2026-03-29T01:30:00Z'), 'Europe/Kaliningrad')).toMatchObject({ day: '29', hour: '03', minute: '30' });
  });
});
