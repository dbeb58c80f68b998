import { describe, expect, it } from '@jest/globals';
import { type FederalCurriculum, federalLinesForGrade, federalSubjects, hoursInForce } from './federal-curriculum.js';

const data: FederalCurriculum = {
  levels: [
    {
      level: 'NOO',
      grades: [1, 2, 3, 4],
      totals: { studyWeeks: { '1': 33, '2': 34, '3': 34, '4': 34 } },
      subjects: [
        { code: 'russian', nameRu: 'Русский язык', hoursPerWeek: { '1': 5, '2': 5 } },
        { code: 'foreign-language', nameRu: 'Иностранный язык', hoursPerWeek: { '2': 2 }, commonlySplitIntoGroups: true },
        { code: 'orkse', nameRu: 'ОРКСЭ', hoursPerWeek: { '4': 1 }, assessment: 'unmarked-common' },
      ],
    },
    {
      level: 'OOO',
      grades: [5, 6, 7, 8, 9],
      subjects: [
        {
          code: 'history',
          nameRu: 'История',
          hoursPerWeek: { '5': 2, '9': 2 },
          changes: [
            { schoolYear: '2024/2025', hoursPerWeek: { '9': 2.5 }, unverified: true },
            { from: '2025-09-01', hoursPerWeek: { '5': 3, '9': 2 } },
          ],
        },
        {
          code: 'social-studies',
          nameRu: 'Обществознание',
          hoursPerWeek: { '6': 1, '8': 1 },
          changes: [
            { schoolYear: '2025/2026', hoursPerWeek: { '8': 1 } },
            { from: '2026-09-01', hoursPerWeek: { '9': 1 } },
          ],
        },
      ],
    },
  ],
};

describe('the federal curriculum in force for a year', () => {
  it('applies the latest verified change in force on the first day of the year; unverified changes never', () => {
    const [history] = data.levels[1]!.subjects;
    expect(hoursInForce(history!, '2024/2025', '2024-09-02')).toEqual({ '5': 2, '9': 2 });
    expect(hoursInForce(history!, '2025/2026', '2025-09-01')).toEqual({ '5': 3, '9': 2 });
  });

  it('a change for the very year wins over one in force from a date', () => {
    const studies = data.levels[1]!.subjects[1]!;
    expect(hoursInForce(studies, '2025/2026', '2025-09-01')).toEqual({ '8': 1 });
    expect(hoursInForce(studies, '2026/2027', '2026-09-01')).toEqual({ '9': 1 });
  });

  it('R-CAL-3, R-MARK-1: lines of a grade carry its weeks, the usual group split and the usual marking', () => {
    expect(federalLinesForGrade(data, '2026/2027', '2026-09-01', 1)).toEqual([
      { code: 'russian', nameRu: 'Русский язык', hoursPerWeek: 5, studyWeeks: 33, split: false, marked: true },
    ]);
    expect(federalLinesForGrade(data, '2026/2027', '2026-09-01', 2).map((line) => [line.code, line.split])).toEqual([
      ['russian', false],
      ['foreign-language', true],
    ]);
    expect(federalLinesForGrade(data, '2026/2027', '2026-09-01', 4)).toEqual([
      { code: 'orkse', nameRu: 'ОРКСЭ', hoursPerWeek: 1, studyWeeks: 34, split: false, marked: false },
    ]);
    // No weeks in the file for the level: 34.
    expect(federalLinesForGrade(data, '2026/2027', '2026-09-01', 5)).toEqual([
      { code: 'history', nameRu: 'История', hoursPerWeek: 3, studyWeeks: 34, split: false, marked: true },
    ]);
    expect(federalLinesForGrade(data, '2026/2027', '2026-09-01', 11)).toEqual([]);
  });

  it('lists every subject once, unmarked where the file says it usually is', () => {
    expect(federalSubjects(data).map((subject) => [subject.code, subject.marked])).toEqual([
      ['russian', true],
      ['foreign-language', true],
      ['orkse', false],
      ['history', true],
      ['social-studies', true],
    ]);
  });
});
