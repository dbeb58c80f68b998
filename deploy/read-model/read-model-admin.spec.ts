import { describe, expect, it } from '@jest/globals';
import { formatReport, readOptions } from './read-model-admin.js';

const SCHOOL = '00000000-0000-4000-8000-000000000001';

describe('issue 6 item 7: the read model commands', () => {
  it('--school names one school by its id; without it every school is checked', () => {
    expect(readOptions(['--school', SCHOOL])).toEqual({ schoolId: SCHOOL, json: false });
    expect(readOptions(['--json'])).toEqual({ json: true });
    expect(() => readOptions(['--school', '5А'])).toThrow('--school must be a school id');
    expect(() => readOptions(['--schools', SCHOOL])).toThrow();
  });

  it('prints one line per difference with the school, the measure and both counts', () => {
    const lines = formatReport({
      checkedAt: '2026-12-03T05:00:00.000Z',
      backlog: 0,
      schools: [{ schoolId: SCHOOL, measures: 22 }],
      differences: [{ schoolId: SCHOOL, source: 'journal', what: 'journal.marks', sourceCount: 12, readModelCount: 11 }],
    });
    expect(lines).toEqual([
      'consistency check at 2026-12-03T05:00:00.000Z: 1 school(s), 22 measures compared, read model backlog 0',
      `DIFFERENCE school ${SCHOOL} journal.marks: journal counts 12, the read model 11`,
      '1 difference(s)',
    ]);
  });

  it('a consistent report says so, and a report taken behind the stream says to check again', () => {
    const lines = formatReport({ checkedAt: '2026-12-03T05:00:00.000Z', backlog: 3, schools: [], differences: [] });
    expect(lines.slice(1)).toEqual(['no differences', 'the read model was still behind the event stream: run the check again']);
  });
});
