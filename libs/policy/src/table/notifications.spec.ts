import { describe, expect, it } from '@jest/globals';
import type { Actor, Role } from '#contracts';
import { decide } from '../decide.js';

const SCHOOL = '11111111-1111-4111-8111-111111111111';
const ACTIONS = [
  'me.notifications.read',
  'me.notifications.mark-read',
  'me.notification-settings.read',
  'me.notification-settings.write',
] as const;

const person = (...roles: Role[]): Actor => ({
  kind: 'person',
  accountId: '33333333-3333-4333-8333-333333333333',
  personId: '44444444-4444-4444-8444-444444444444',
  grants: roles.map((role) => ({ role, schoolId: SCHOOL })),
});

describe('the permission policy: parents\' notifications', () => {
  it('R-REP-4: a parent reads their own feed and sets their own settings; staff have none; a student never', () => {
    for (const action of ACTIONS) {
      expect(decide(action, person('parent'), null)).toEqual({ allowed: true });
      expect(decide(action, person('teacher', 'parent'), null)).toEqual({ allowed: true });
      for (const role of ['teacher', 'deputy', 'director', 'coordinator', 'sysadmin'] as const) {
        expect(decide(action, person(role), null)).toEqual({ allowed: false, visible: false });
      }
      expect(decide(action, person('parent', 'student'), null)).toEqual({ allowed: false, visible: false });
    }
  });
});
