import { describe, expect, it } from '@jest/globals';
import { compareCounts } from './compare-counts.js';

const SCHOOL = '00000000-0000-4000-8000-000000000001';

describe('issue 6 item 7: comparing a source service with the read model', () => {
  it('equal totals are no difference', () => {
    const counts = { 'journal.marks': 12, 'journal.lessons.withTopic': 3 };
    expect(compareCounts(SCHOOL, 'journal', counts, { ...counts, 'identity.classes': 4 })).toEqual([]);
  });

  it('each measure that differs is reported with the school, the source count and the read model count', () => {
    const differences = compareCounts(
      SCHOOL,
      'journal',
      { 'journal.marks': 12, 'journal.results.period': 2, 'journal.lessons.withTopic': 3 },
      { 'journal.marks': 11, 'journal.results.period': 2, 'journal.lessons.withTopic': 4 },
    );
    expect(differences).toEqual([
      { schoolId: SCHOOL, source: 'journal', what: 'journal.lessons.withTopic', sourceCount: 3, readModelCount: 4 },
      { schoolId: SCHOOL, source: 'journal', what: 'journal.marks', sourceCount: 12, readModelCount: 11 },
    ]);
  });

  it("a measure one side does not name counts 0 there; other sources' measures are not compared", () => {
    const differences = compareCounts(
      SCHOOL,
      'attendance',
      { 'attendance.late': 2 },
      { 'attendance.absent.illness': 1, 'identity.pages': 9 },
    );
    expect(differences).toEqual([
      { schoolId: SCHOOL, source: 'attendance', what: 'attendance.absent.illness', sourceCount: 0, readModelCount: 1 },
      { schoolId: SCHOOL, source: 'attendance', what: 'attendance.late', sourceCount: 2, readModelCount: 0 },
    ]);
  });

  it('a prefix that only looks like the source is not its measure', () => {
    expect(compareCounts(SCHOOL, 'journal', { 'journal.marks': 1 }, { 'journal.marks': 1, 'journalism.x': 5 })).toEqual([]);
  });
});
