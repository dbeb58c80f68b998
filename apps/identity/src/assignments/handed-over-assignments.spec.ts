import { describe, expect, it } from '@jest/globals';
import { handedOverAssignments, sameAssignments } from './handed-over-assignments.js';

const OLD = '11111111-1111-4111-8111-111111111111';
const NEW = '22222222-2222-4222-8222-222222222222';
const THIRD = '33333333-3333-4333-8333-333333333333';

describe('handing a page over on a date', () => {
  it('R-ACC-3: the running assignment ends the day before; the new teacher takes the page on with no end', () => {
    expect(handedOverAssignments([{ teacherId: OLD, from: '2026-09-01', to: null }], NEW, '2026-12-03')).toEqual([
      { teacherId: OLD, from: '2026-09-01', to: '2026-12-02' },
      { teacherId: NEW, from: '2026-12-03', to: null },
    ]);
  });

  it('R-ACC-3: finished assignments stay; later planned ones give way to the handover', () => {
    const before = [
      { teacherId: THIRD, from: '2026-09-01', to: '2026-10-31' },
      { teacherId: OLD, from: '2026-11-01', to: '2027-01-31' },
      { teacherId: THIRD, from: '2027-02-01', to: null },
    ];
    expect(handedOverAssignments(before, NEW, '2026-12-03')).toEqual([
      { teacherId: THIRD, from: '2026-09-01', to: '2026-10-31' },
      { teacherId: OLD, from: '2026-11-01', to: '2026-12-02' },
      { teacherId: NEW, from: '2026-12-03', to: null },
    ]);
  });

  it('handing a page to the teacher who has it changes nothing; handing it back joins the two periods', () => {
    const running = [{ teacherId: OLD, from: '2026-09-01', to: null }];
    expect(sameAssignments(handedOverAssignments(running, OLD, '2026-12-03'), running)).toBe(true);
    const handedOver = [
      { teacherId: OLD, from: '2026-09-01', to: '2026-12-02' },
      { teacherId: NEW, from: '2026-12-03', to: null },
    ];
    expect(handedOverAssignments(handedOver, OLD, '2026-12-03')).toEqual(running);
  });

  it('a handover from the first day of an assignment replaces it', () => {
    expect(handedOverAssignments([{ teacherId: OLD, from: '2026-09-01', to: null }], NEW, '2026-09-01')).toEqual([
      { teacherId: NEW, from: '2026-09-01', to: null },
    ]);
  });
});
