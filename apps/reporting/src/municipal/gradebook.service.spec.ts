import { describe, expect, it } from '@jest/globals';
import { changedSinceOf } from './gradebook.service.js';

describe('OneRoster gradebook: the changed-since bound of a filter (R-REP-5)', () => {
  it('R-REP-5: a dateLastModified lower bound, alone or AND-joined, is read from the filter; the latest one wins', () => {
    expect(changedSinceOf("dateLastModified>'2026-12-01T05:00:00+05:00'")).toBe('2026-12-01T00:00:00.000Z');
    expect(changedSinceOf("dateLastModified>='2026-12-01T00:00:00Z' AND status='active'")).toBe('2026-12-01T00:00:00.000Z');
    expect(changedSinceOf("dateLastModified>'2026-11-01T00:00:00Z' AND dateLastModified>'2026-12-01T00:00:00Z'")).toBe(
      '2026-12-01T00:00:00.000Z',
    );
  });

  it('R-REP-5: no bound without a filter, with OR (another predicate may match older records) or an upper bound', () => {
    expect(changedSinceOf(undefined)).toBeUndefined();
    expect(changedSinceOf('  ')).toBeUndefined();
    expect(changedSinceOf("dateLastModified>'2026-12-01T00:00:00Z' OR status='tobedeleted'")).toBeUndefined();
    expect(changedSinceOf("dateLastModified<'2026-12-01T00:00:00Z'")).toBeUndefined();
  });
});
