import { describe, expect, it } from '@jest/globals';
import type { AccessFacts, Actor, Relation, Role } from '#contracts';
import { decide } from '../decide.js';

const SCHOOL = '11111111-1111-4111-8111-111111111111';
const OTHER_SCHOOL = '22222222-2222-4222-8222-222222222222';

const person = (role: Role, schoolId = SCHOOL): Actor => ({
  kind: 'person',
  accountId: '33333333-3333-4333-8333-333333333333',
  personId: '44444444-4444-4444-8444-444444444444',
  grants: [{ role, schoolId }],
});
const facts = (relations: Relation[] = []): AccessFacts => ({ exists: true, schoolIds: [SCHOOL], relations });
const ALLOWED = { allowed: true };

describe('the permission policy: performance reports', () => {
  it('R-REP-2: the school\'s management reads the school report; teachers see the school but not the report; others nothing', () => {
    for (const role of ['deputy', 'director', 'coordinator'] as const) {
      expect(decide('schools.performance.read', person(role), facts())).toEqual(ALLOWED);
      expect(decide('schools.performance.read', person(role, OTHER_SCHOOL), facts())).toMatchObject({ allowed: false, visible: false });
    }
    expect(decide('schools.performance.read', person('teacher'), facts(['class-teacher']))).toMatchObject({ allowed: false });
    expect(decide('schools.performance.read', person('parent'), facts())).toMatchObject({ allowed: false, visible: false });
  });

  it('R-REP-1: the class summary (also by period, as a file) is its class teacher\'s and the management\'s', () => {
    expect(decide('classes.summary.read', person('teacher'), facts(['class-teacher']))).toEqual(ALLOWED);
    expect(decide('classes.summary.read', person('deputy'), facts())).toEqual(ALLOWED);
    expect(decide('classes.summary.read', person('teacher'), facts(['page-teacher']))).toMatchObject({ allowed: false });
  });
});
