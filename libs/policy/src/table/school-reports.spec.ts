import { describe, expect, it } from '@jest/globals';
import type { AccessFacts, Actor, Role } from '#contracts';
import { decide } from '../decide.js';

const SCHOOL = '11111111-1111-4111-8111-111111111111';
const OTHER_SCHOOL = '22222222-2222-4222-8222-222222222222';

const person = (role: Role, schoolId = SCHOOL): Actor => ({
  kind: 'person',
  accountId: '33333333-3333-4333-8333-333333333333',
  personId: '44444444-4444-4444-8444-444444444444',
  grants: [{ role, schoolId }],
});
const facts = (): AccessFacts => ({ exists: true, schoolIds: [SCHOOL], relations: [] });

describe('the permission policy: the school control reports', () => {
  it('R-REP-3: the coordinator, the deputy and the director of the school read completeness and attendance reports', () => {
    for (const action of ['reports.completeness.read', 'reports.attendance.read'] as const) {
      for (const role of ['coordinator', 'deputy', 'director'] as const) {
        expect(decide(action, person(role), facts())).toEqual({ allowed: true });
        expect(decide(action, person(role, OTHER_SCHOOL), facts())).toMatchObject({ allowed: false, visible: false });
      }
      // Staff see the school but not its control reports; a parent does not see the school at all.
      expect(decide(action, person('teacher'), facts())).toMatchObject({ allowed: false, visible: true });
      expect(decide(action, person('sysadmin'), facts())).toMatchObject({ allowed: false, visible: true });
      expect(decide(action, person('parent'), facts())).toMatchObject({ allowed: false, visible: false });
    }
  });
});
