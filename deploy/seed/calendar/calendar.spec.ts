import { describe, expect, it } from '@jest/globals';
import { isoWeekday } from '#domain';
import { schoolCalendar2025 } from '../reference-data.js';
import { deriveNextYear } from './derive-year.js';
import { year2025From } from './year-2025-2026.js';

describe('demo calendars (R-CAL-1)', () => {
  const year2025 = year2025From(schoolCalendar2025());
  const year2026 = deriveNextYear(year2025);

  it('R-CAL-1: 2025/26 has quarters for grades 1–9 and half-years for 10–11 from the published calendar', () => {
    const quarters = year2025.periods.filter((period) => period.kind === 'quarter');
    expect(quarters.map((q) => [q.start, q.end])).toEqual([
      ['2025-09-01', '2025-10-24'],
      ['2025-11-05', '2025-12-30'],
      ['2026-01-12', '2026-03-27'],
      ['2026-04-06', '2026-05-26'],
    ]);
    expect(year2025.periods.filter((p) => p.kind === 'half-year').every((p) => p.gradeFrom === 10 && p.gradeTo === 11)).toBe(true);
    expect(year2025.breaks.find((b) => b.kind === 'extra-grade1')).toMatchObject({ gradeFrom: 1, gradeTo: 1, start: '2026-02-16' });
  });

  it('R-CAL-1: 2026/27 is derived: breaks keep their weekdays, periods fill the gaps between breaks', () => {
    expect(year2026).toMatchObject({ label: '2026/2027', start: '2026-09-01', end: '2027-08-31', derived: true });
    const quarters = year2026.periods.filter((period) => period.kind === 'quarter');
    expect(quarters.map((q) => [q.start, q.end])).toEqual([
      ['2026-09-01', '2026-10-23'],
      ['2026-11-02', '2026-12-29'],
      ['2027-01-11', '2027-03-26'],
      ['2027-04-05', '2027-05-25'],
    ]);
    const halves = year2026.periods.filter((period) => period.kind === 'half-year');
    expect(halves.map((h) => [h.start, h.end])).toEqual([
      ['2026-09-01', '2026-12-29'],
      ['2027-01-11', '2027-05-25'],
    ]);
    for (const item of year2026.breaks) {
      const original = year2025.breaks.find((b) => b.kind === item.kind && b.gradeFrom === item.gradeFrom)!;
      expect(isoWeekday(item.start)).toBe(isoWeekday(original.start));
    }
    expect(year2026.daysOff.map((day) => day.date)).toContain('2026-11-04');
    expect(year2026.daysOff.map((day) => day.date)).toContain('2027-01-07');
  });
});
