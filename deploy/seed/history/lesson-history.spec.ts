import { describe, expect, it } from '@jest/globals';
import { addDays } from '#domain';
import { type HistoryStudent, lessonHistory } from './lesson-history.js';

const students: HistoryStudent[] = Array.from({ length: 30 }, (_, index) => ({ id: `s${index}`, key: `s${index}`, ability: 3 + (index % 3) }));

/** The pupils with at least one mark after a quarter's lessons of one page (lessons a week × 9 weeks). */
function pupilsWithMarks(subjectCode: string, hoursPerWeek: number): number {
  const marked = new Set<string>();
  for (let index = 0; index < hoursPerWeek * 9; index += 1) {
    const { lesson } = lessonHistory(
      'spec',
      { lessonId: `l${index}`, pageId: `page-${subjectCode}`, date: addDays('2025-09-01', index), endsAt: '09:45', subjectCode, grade: 6, indexInPage: index },
      { timeZone: 'Asia/Yekaterinburg', teacherId: 't', subjectMarked: true, hoursPerWeek, students, isIll: () => false },
    );
    for (const mark of lesson.marks) marked.add(mark.studentId);
  }
  return marked.size;
}

describe('demo history', () => {
  it('R-MARK-6: a one-hour subject still gives nearly every pupil a mark in a quarter, so н/а stays rare', () => {
    expect(pupilsWithMarks('music', 1)).toBeGreaterThanOrEqual(28);
    expect(pupilsWithMarks('geography', 1)).toBeGreaterThanOrEqual(28);
  });

  it('a subject with many lessons a week keeps about one mark in six lessons per pupil', () => {
    let marks = 0;
    for (let index = 0; index < 40; index += 1) {
      const { lesson } = lessonHistory(
        'spec',
        { lessonId: `m${index}`, pageId: 'page-maths', date: addDays('2025-09-01', index), endsAt: '09:45', subjectCode: 'mathematics', grade: 6, indexInPage: index % 7 },
        { timeZone: 'Asia/Yekaterinburg', teacherId: 't', subjectMarked: true, hoursPerWeek: 5, students, isIll: () => false },
      );
      marks += lesson.marks.length;
    }
    expect(marks / (40 * students.length)).toBeGreaterThan(0.1);
    expect(marks / (40 * students.length)).toBeLessThan(0.25);
  });
});
