import { describe, expect, it } from '@jest/globals';
import { resultOwnerPage } from './result-owner.js';

describe('which page owns a student\'s period result (R-CAL-4)', () => {
  it('R-CAL-4: a student transferred mid-period gets the result on the page of the class they are in at its end', () => {
    expect(
      resultOwnerPage([
        { pageId: 'math-6a', from: '2026-11-05', to: '2026-11-30' },
        { pageId: 'math-6b', from: '2026-12-01', to: '2026-12-28' },
      ]),
    ).toBe('math-6b');
  });

  it('R-CAL-4: a student who left before the period\'s end gets it on the last page they were on', () => {
    expect(
      resultOwnerPage([
        { pageId: 'math-6b', from: '2026-11-16', to: '2026-11-20' },
        { pageId: 'math-6a', from: '2026-11-05', to: '2026-11-13' },
      ]),
    ).toBe('math-6b');
  });

  it('R-CAL-4: one owner whatever the order, none without days', () => {
    const days = [
      { pageId: 'b', from: '2026-11-05', to: '2026-12-28' },
      { pageId: 'a', from: '2026-12-01', to: '2026-12-28' },
    ];
    expect(resultOwnerPage(days)).toBe('a');
    expect(resultOwnerPage([...days].reverse())).toBe('a');
    expect(resultOwnerPage([])).toBeNull();
  });
});
