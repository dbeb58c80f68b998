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
const HIDDEN = { allowed: false, visible: false };

describe('the permission policy: printing a journal page', () => {
  it('R-ACC-3: whoever reads the page prints it (its teachers, also past ones, the class teacher, the management); others see nothing', () => {
    for (const relation of ['page-teacher-ever', 'class-teacher'] as const) {
      expect(decide('pages.print', person('teacher'), facts([relation]))).toEqual(ALLOWED);
    }
    for (const role of ['deputy', 'director', 'coordinator'] as const) {
      expect(decide('pages.print', person(role), facts())).toEqual(ALLOWED);
      expect(decide('pages.print', person(role, OTHER_SCHOOL), facts())).toEqual(HIDDEN);
    }
    expect(decide('pages.print', person('teacher'), facts())).toEqual(HIDDEN);
    expect(decide('pages.print', person('parent'), facts(['guardian']))).toEqual(HIDDEN);
    expect(decide('pages.print', person('sysadmin'), facts())).toEqual(HIDDEN);
  });
});
