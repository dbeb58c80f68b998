import { describe, expect, it } from '@jest/globals';
import { federalCurriculum } from '../reference-data.js';
import { curriculumForGrade, schoolSubjects } from './curriculum.js';

describe('demo curriculum from the federal plan', () => {
  const data = federalCurriculum();
  const hours = (label: string, start: string, grade: number) =>
    Object.fromEntries(curriculumForGrade(data, label, start, grade).map((s) => [s.code, s.hoursPerWeek]));

  it('applies the amendments in force: history 3 h in grade 5, no ОДНКНР from 2025/26', () => {
    expect(hours('2025/2026', '2025-09-01', 5)).toMatchObject({ history: 3, russian: 5 });
    expect(hours('2025/2026', '2025-09-01', 5)).not.toHaveProperty('odnknr');
  });

  it('keeps social studies in grade 8 in the 2025/26 transition year and drops it from 2026/27', () => {
    expect(hours('2025/2026', '2025-09-01', 8)).toHaveProperty('social-studies', 1);
    expect(hours('2026/2027', '2026-09-01', 8)).not.toHaveProperty('social-studies');
    expect(hours('2026/2027', '2026-09-01', 9)).toHaveProperty('social-studies', 1);
  });

  it('R-CAL-3: splits foreign language from grade 2 and informatics from grade 7 into groups', () => {
    const grade2 = curriculumForGrade(data, '2026/2027', '2026-09-01', 2);
    expect(grade2.find((s) => s.code === 'foreign-language')?.split).toBe(true);
    expect(grade2.find((s) => s.code === 'mathematics')?.split).toBe(false);
    expect(curriculumForGrade(data, '2026/2027', '2026-09-01', 7).find((s) => s.code === 'informatics')?.split).toBe(true);
  });

  it('R-MARK-1: ОРКСЭ is an unmarked subject of the demo school', () => {
    expect(schoolSubjects(data).find((s) => s.code === 'orkse')?.marked).toBe(false);
    expect(schoolSubjects(data).find((s) => s.code === 'algebra')?.marked).toBe(true);
  });
});
