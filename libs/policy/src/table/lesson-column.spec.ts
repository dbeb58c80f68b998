import { describe, expect, it } from '@jest/globals';
import type { AccessFacts, Actor, Relation, Role } from '#contracts';
import { decide } from '../decide.js';

const SCHOOL = '11111111-1111-4111-8111-111111111111';

const person = (role: Role): Actor => ({
  kind: 'person',
  accountId: '33333333-3333-4333-8333-333333333333',
  personId: '44444444-4444-4444-8444-444444444444',
  grants: [{ role, schoolId: SCHOOL }],
});
const facts = (relations: Relation[] = []): AccessFacts => ({ exists: true, schoolIds: [SCHOOL], relations });

describe('the permission policy: a whole lesson column', () => {
  it('R-ACC-3: the page\'s teacher and the lesson\'s substitute save a column, as they write each of its parts; readers are refused visibly', () => {
    for (const action of ['lessons.column.write', 'lessons.content.write', 'lessons.marks.write', 'lessons.attendance.write'] as const) {
      expect(decide(action, person('teacher'), facts(['page-teacher']))).toEqual({ allowed: true });
      expect(decide(action, person('teacher'), facts(['lesson-substitute']))).toEqual({ allowed: true });
      expect(decide(action, person('teacher'), facts(['class-teacher']))).toEqual({ allowed: false, visible: true });
      expect(decide(action, person('deputy'), facts())).toEqual({ allowed: false, visible: true });
      expect(decide(action, person('teacher'), facts())).toEqual({ allowed: false, visible: false });
      expect(decide(action, person('parent'), facts(['guardian']))).toEqual({ allowed: false, visible: false });
    }
  });
});
