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
const facts = (relations: Relation[] = [], schoolId = SCHOOL): AccessFacts => ({ exists: true, schoolIds: [schoolId], relations });
const ALLOWED = { allowed: true };
const VISIBLE = { allowed: false, visible: true };
const HIDDEN = { allowed: false, visible: false };

describe('the permission policy: period and year results', () => {
  it('R-MARK-6: the page\'s teacher of today sets results; earlier teachers, the class teacher and the management only read them', () => {
    expect(decide('results.write', person('teacher'), facts(['page-teacher', 'page-teacher-ever']))).toEqual(ALLOWED);
    expect(decide('results.write', person('teacher'), facts(['page-teacher-ever']))).toEqual(VISIBLE);
    expect(decide('results.write', person('teacher'), facts(['class-teacher']))).toEqual(VISIBLE);
    for (const role of ['deputy', 'director', 'coordinator'] as const) {
      expect(decide('results.write', person(role), facts())).toEqual(VISIBLE);
      expect(decide('results.read', person(role), facts())).toEqual(ALLOWED);
    }
    expect(decide('results.read', person('teacher'), facts(['class-teacher']))).toEqual(ALLOWED);
    expect(decide('results.write', person('teacher'), facts())).toEqual(HIDDEN);
  });

  it('R-MARK-6: the school\'s management reads the results that differ from the proposal; teachers see a refusal', () => {
    for (const role of ['deputy', 'director', 'coordinator'] as const) {
      expect(decide('results.deviations.read', person(role), facts())).toEqual(ALLOWED);
    }
    expect(decide('results.deviations.read', person('teacher'), facts(['class-teacher']))).toEqual(VISIBLE);
    expect(decide('results.deviations.read', person('deputy', OTHER_SCHOOL), facts())).toEqual(HIDDEN);
  });

  it('parents and the system administrator read no page\'s results (parents see them in the e-diary)', () => {
    expect(decide('results.read', person('parent'), facts(['guardian']))).toEqual(HIDDEN);
    expect(decide('results.read', person('sysadmin'), facts())).toEqual(HIDDEN);
  });
});
