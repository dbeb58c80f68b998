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
const VISIBLE = { allowed: false, visible: true };
const HIDDEN = { allowed: false, visible: false };

describe('the permission policy: mark settings and the journal’s history', () => {
  it('R-MARK-4: the deputy, the director and the system administrator change the scale and kinds; the coordinator reads them', () => {
    for (const role of ['deputy', 'director', 'sysadmin'] as const) {
      expect(decide('schools.mark-settings.write', person(role), facts())).toEqual(ALLOWED);
      expect(decide('schools.mark-settings.read', person(role), facts())).toEqual(ALLOWED);
      expect(decide('schools.mark-settings.log.read', person(role), facts())).toEqual(ALLOWED);
      expect(decide('schools.mark-settings.write', person(role, OTHER_SCHOOL), facts())).toEqual(HIDDEN);
    }
    expect(decide('schools.mark-settings.read', person('coordinator'), facts())).toEqual(ALLOWED);
    expect(decide('schools.mark-settings.write', person('coordinator'), facts())).toEqual(VISIBLE);
    expect(decide('schools.mark-settings.write', person('teacher'), facts(['class-teacher']))).toEqual(VISIBLE);
    expect(decide('schools.mark-settings.read', person('parent'), facts())).toEqual(HIDDEN);
  });

  it('R-MARK-7: the history of a lesson and of a page is read by whoever reads them; the system administrator does not read marks', () => {
    expect(decide('lessons.history.read', person('teacher'), facts(['lesson-substitute']))).toEqual(ALLOWED);
    expect(decide('lessons.history.read', person('teacher'), facts(['page-teacher-ever']))).toEqual(ALLOWED);
    expect(decide('pages.history.read', person('teacher'), facts(['class-teacher']))).toEqual(ALLOWED);
    expect(decide('pages.history.read', person('deputy'), facts())).toEqual(ALLOWED);
    expect(decide('pages.history.read', person('coordinator'), facts())).toEqual(ALLOWED);
    expect(decide('pages.history.read', person('sysadmin'), facts())).toEqual(HIDDEN);
    expect(decide('lessons.history.read', person('parent'), facts(['guardian']))).toEqual(HIDDEN);
    expect(decide('pages.history.read', person('teacher'), facts())).toEqual(HIDDEN);
  });
});
