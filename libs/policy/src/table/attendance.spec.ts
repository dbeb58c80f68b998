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

describe('the permission policy: attendance (R-ATT-1)', () => {
  it('R-ATT-1: the class teacher confirms reasons at any lesson of the class; the page\'s teacher and the management are refused visibly', () => {
    expect(decide('lessons.attendance.reasons.write', person('teacher'), facts(['class-teacher']))).toEqual(ALLOWED);
    expect(decide('lessons.attendance.reasons.write', person('teacher'), facts(['page-teacher', 'page-teacher-ever']))).toEqual(VISIBLE);
    expect(decide('lessons.attendance.reasons.write', person('deputy'), facts())).toEqual(VISIBLE);
    expect(decide('lessons.attendance.reasons.write', person('teacher'), facts())).toEqual(HIDDEN);
    expect(decide('students.absence-reasons.write', person('teacher'), facts(['class-teacher']))).toEqual(ALLOWED);
    expect(decide('students.absence-reasons.write', person('teacher'), facts())).toEqual(HIDDEN);
    expect(decide('students.absence-reasons.write', person('parent'), facts(['guardian']))).toEqual(VISIBLE);
  });

  it('R-ATT-1: a parent sends notices for their own child only, in any school; the class teacher decides them', () => {
    expect(decide('students.absence-notices.send', person('parent', OTHER_SCHOOL), facts(['guardian']))).toEqual(ALLOWED);
    expect(decide('students.absence-notices.send', person('parent'), facts())).toEqual(HIDDEN);
    expect(decide('students.absence-notices.send', person('teacher'), facts(['class-teacher']))).toEqual(VISIBLE);
    expect(decide('students.absence-notices.decide', person('teacher'), facts(['class-teacher']))).toEqual(ALLOWED);
    expect(decide('students.absence-notices.decide', person('parent'), facts(['guardian']))).toEqual(VISIBLE);
    expect(decide('students.absence-notices.decide', person('director'), facts())).toEqual(VISIBLE);
    expect(decide('students.absence-notices.decide', person('teacher', OTHER_SCHOOL), facts(['class-teacher']))).toEqual(HIDDEN);
  });

  it('R-ATT-1, R-MARK-7: attendance history and summaries are read by those who read the page, the student, the class', () => {
    expect(decide('lessons.attendance.history.read', person('teacher'), facts(['lesson-substitute']))).toEqual(ALLOWED);
    expect(decide('lessons.attendance.history.read', person('coordinator'), facts())).toEqual(ALLOWED);
    expect(decide('lessons.attendance.history.read', person('parent'), facts(['guardian']))).toEqual(HIDDEN);
    expect(decide('lessons.attendance.history.read', person('sysadmin'), facts())).toEqual(HIDDEN);
    for (const action of ['students.attendance.read', 'students.absence-notices.read'] as const) {
      expect(decide(action, person('parent'), facts(['guardian']))).toEqual(ALLOWED);
      expect(decide(action, person('teacher'), facts(['class-teacher']))).toEqual(ALLOWED);
      expect(decide(action, person('deputy'), facts())).toEqual(ALLOWED);
      expect(decide(action, person('teacher'), facts(['page-teacher']))).toEqual(HIDDEN);
    }
    for (const action of ['classes.attendance.read', 'classes.absence-notices.read'] as const) {
      expect(decide(action, person('teacher'), facts(['class-teacher']))).toEqual(ALLOWED);
      expect(decide(action, person('director'), facts())).toEqual(ALLOWED);
      expect(decide(action, person('parent'), facts())).toEqual(HIDDEN);
    }
  });
});
