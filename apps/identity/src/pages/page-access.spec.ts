import { describe, expect, it } from '@jest/globals';
import { SYSTEM_SEED_ACTOR } from '#contracts';
import { coversDate, pageAccess } from './page-access.js';

const SCHOOL = '11111111-1111-4111-8111-111111111111';
const OUTGOING = '22222222-2222-4222-8222-222222222222';
const INCOMING = '33333333-3333-4333-8333-333333333333';
const LEADER = '44444444-4444-4444-8444-444444444444';
const OTHER = '55555555-5555-4555-8555-555555555555';

const page = {
  schoolId: SCHOOL,
  classTeacherId: LEADER,
  assignments: [
    { teacherId: OUTGOING, from: '2026-09-01', to: '2026-12-02' },
    { teacherId: INCOMING, from: '2026-12-03', to: null },
  ],
};
const person = (personId: string, grants: Array<{ role: 'teacher' | 'deputy' | 'sysadmin'; schoolId: string }> = []) => ({
  kind: 'person' as const,
  accountId: '66666666-6666-4666-8666-666666666666',
  personId,
  grants,
});

describe('page access', () => {
  it('R-ACC-3: an assignment covers its first and last dates', () => {
    const assignment = { teacherId: OUTGOING, from: '2026-09-01', to: '2026-12-02' };
    expect(['2026-08-31', '2026-09-01', '2026-12-02', '2026-12-03'].map((date) => coversDate(assignment, date))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(coversDate({ ...assignment, to: null }, '2027-06-30')).toBe(true);
  });

  it('R-ACC-3: writes only the teacher assigned on the date; former and future teachers read', () => {
    expect(pageAccess(person(OUTGOING), page, '2026-12-02')).toEqual({ writable: true, readable: true });
    expect(pageAccess(person(OUTGOING), page, '2026-12-03')).toEqual({ writable: false, readable: true });
    expect(pageAccess(person(INCOMING), page, '2026-12-02')).toEqual({ writable: false, readable: true });
    expect(pageAccess(person(INCOMING), page, '2026-12-03')).toEqual({ writable: true, readable: true });
  });

  it('the class teacher and management read; a sysadmin or an unrelated teacher does not', () => {
    expect(pageAccess(person(LEADER), page, '2026-12-03')).toEqual({ writable: false, readable: true });
    expect(pageAccess(person(OTHER, [{ role: 'deputy', schoolId: SCHOOL }]), page, '2026-12-03')).toEqual({
      writable: false,
      readable: true,
    });
    expect(pageAccess(person(OTHER, [{ role: 'sysadmin', schoolId: SCHOOL }]), page, '2026-12-03')).toEqual({
      writable: false,
      readable: false,
    });
    expect(pageAccess(person(OTHER, [{ role: 'teacher', schoolId: SCHOOL }]), page, '2026-12-03')).toEqual({
      writable: false,
      readable: false,
    });
  });

  it('the system writes and reads', () => {
    expect(pageAccess(SYSTEM_SEED_ACTOR, page, '2026-12-03')).toEqual({ writable: true, readable: true });
  });
});
