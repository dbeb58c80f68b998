import { describe, expect, it } from '@jest/globals';
import type { AcademicYear } from '#contracts';
import { notASchoolDay } from './school-day.js';

const year: AcademicYear = {
  id: '11111111-1111-4111-8111-111111111111',
  schoolId: '22222222-2222-4222-8222-222222222222',
  label: '2026/2027',
  start: '2026-09-01',
  end: '2027-05-31',
  derived: false,
  daysPerWeek: 5,
  periods: [
    {
      id: '33333333-3333-4333-8333-333333333333',
      yearId: '11111111-1111-4111-8111-111111111111',
      kind: 'quarter',
      number: 2,
      nameRu: 'II четверть',
      start: '2026-11-05',
      end: '2026-12-28',
      gradeFrom: 1,
      gradeTo: 11,
      closed: false,
    },
  ],
  breaks: [{ kind: 'other', nameRu: 'Карантин', start: '2026-12-14', end: '2026-12-15', gradeFrom: 1, gradeTo: 4 }],
  daysOff: [{ date: '2026-11-04', kind: 'public-holiday', nameRu: 'День народного единства' }],
  workingWeekendDays: ['2026-12-12'],
};

describe('school days of a grade (R-CAL-1)', () => {
  it('R-CAL-1: a weekday inside a period of the grade is a school day, and so is a Saturday made working', () => {
    expect(notASchoolDay(year, 6, '2026-12-10')).toBeNull();
    expect(notASchoolDay(year, 6, '2026-12-12')).toBeNull();
  });

  it('R-CAL-1: a public holiday, a weekend, a break of the grade and a day outside its periods are refused in words', () => {
    expect(notASchoolDay(year, 6, '2026-11-04')).toBe('04.11.2026 — выходной день («День народного единства»)');
    expect(notASchoolDay(year, 6, '2026-12-13')).toBe('13.12.2026 — выходной день');
    expect(notASchoolDay(year, 3, '2026-12-14')).toBe('14.12.2026 — каникулы («Карантин») для 3 класса');
    expect(notASchoolDay(year, 6, '2026-12-14')).toBeNull();
    expect(notASchoolDay(year, 6, '2026-10-01')).toBe('01.10.2026 — вне учебных периодов 6 класса');
    expect(notASchoolDay(year, 6, '2027-06-01')).toBe('01.06.2027 — вне учебного года 2026/2027');
  });
});
