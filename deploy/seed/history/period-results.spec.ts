import { describe, expect, it } from '@jest/globals';
import type { Period } from '#contracts';
import type { PlanPage } from '../school/plan-types.js';
import { periodResults, type ResultsContext, type ResultsYear, type StudentMark } from './period-results.js';

const period = (id: string, start: string, end: string, gradeFrom = 2, gradeTo = 9): Period => ({
  id,
  yearId: 'year',
  kind: 'quarter',
  number: Number(id.slice(1)),
  nameRu: id,
  start,
  end,
  gradeFrom,
  gradeTo,
  closed: false,
});
const page = (key: string, classKey: string, subjectCode: string, grade = 5, groupKey: string | null = null): PlanPage => ({
  key,
  yearLabel: '2025/26',
  classKey,
  grade,
  groupKey,
  subjectCode,
  hoursPerWeek: 2,
  teacherKey: `teacher-${key}`,
});
const mark = (studentId: string, subjectCode: string, date: string, value: number, weight: string | null = '1'): StudentMark => ({
  studentId,
  subjectCode,
  date,
  value,
  weight,
});

const year: ResultsYear = {
  yearId: 'year',
  end: '2026-05-31',
  periods: [period('q1', '2025-09-01', '2025-10-26'), period('q2', '2025-11-05', '2025-12-28')],
  pages: [page('math5a', '5a', 'math'), page('math5b', '5b', 'math'), page('music5a', '5a', 'music'), page('eng5a-1', '5a', 'english', 5, 'g1')],
  enrollments: [
    { studentKey: 'anna', classKey: '5a', from: '2025-09-01', to: null },
    // Boris moves from 5А to 5Б in the II quarter: his result is 5Б's, from his marks in both classes (R-CAL-4).
    { studentKey: 'boris', classKey: '5a', from: '2025-09-01', to: '2025-11-20' },
    { studentKey: 'boris', classKey: '5b', from: '2025-11-21', to: null },
  ],
  memberships: [{ studentKey: 'anna', groupKey: 'g1', from: '2025-09-01', to: null }],
};
const context = (today: string, marks: StudentMark[]): ResultsContext => ({
  today,
  idOf: (key) => key,
  pageIdOf: (key) => `page:${key}`,
  subjectMarked: (code) => code !== 'music',
  marks,
});

describe('demo seed: the results teachers set once a period ended', () => {
  it('R-MARK-6: a period result is the proposal from the weighted marks of the period, rounded half up once', () => {
    const results = periodResults(year, context('2025-11-01', [mark('anna', 'math', '2025-09-10', 3), mark('anna', 'math', '2025-10-01', 4, '1'), mark('anna', 'math', '2025-11-10', 2)]));
    expect(results.find((r) => r.studentId === 'anna' && r.subjectCode === 'math')).toEqual({
      term: 'period',
      termId: 'q1',
      studentId: 'anna',
      subjectCode: 'math',
      pageId: 'page:math5a',
      value: 4,
      setBy: 'teacher-math5a',
      setAt: '2025-10-26T10:00:00.000Z',
    });
    // The II quarter has not ended: no result for it yet.
    expect(results.every((r) => r.termId === 'q1')).toBe(true);
  });

  it('R-MARK-1: no marks give н/а, an unmarked subject зачёт; a group page only for its members', () => {
    const results = periodResults(year, context('2025-11-01', []));
    const of = (studentId: string, subjectCode: string) => results.find((r) => r.studentId === studentId && r.subjectCode === subjectCode)?.value;
    expect(of('anna', 'math')).toBe('not-attested');
    expect(of('anna', 'music')).toBe('pass');
    expect(of('anna', 'english')).toBe('not-attested');
    expect(of('boris', 'english')).toBeUndefined();
  });

  it('R-CAL-4: a transferred student gets one result, in the class of the period end, from the marks of both classes', () => {
    const marks = [mark('boris', 'math', '2025-11-10', 5, '2'), mark('boris', 'math', '2025-12-01', 3)];
    const results = periodResults(year, context('2026-01-10', marks)).filter((r) => r.studentId === 'boris' && r.termId === 'q2' && r.subjectCode === 'math');
    // (5·2 + 3·1) / 3 = 13/3 = 4.33… → 4
    expect(results).toEqual([expect.objectContaining({ pageId: 'page:math5b', value: 4, setBy: 'teacher-math5b' })]);
  });

  it('R-MARK-6: the year result comes from the period results, each once; grade 1 and unended years get none', () => {
    const marks = [mark('anna', 'math', '2025-09-10', 4), mark('anna', 'math', '2025-11-10', 5)];
    const results = periodResults(year, context('2026-06-01', marks));
    expect(results.find((r) => r.term === 'year' && r.studentId === 'anna' && r.subjectCode === 'math')).toMatchObject({ termId: 'year', value: 5 });
    const firstGrade: ResultsYear = { ...year, pages: [page('math1a', '5a', 'math', 1)] };
    expect(periodResults(firstGrade, context('2026-06-01', marks))).toEqual([]);
    expect(periodResults(year, context('2026-05-31', marks)).some((r) => r.term === 'year')).toBe(false);
  });
});
