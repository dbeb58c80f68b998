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

describe('the permission policy: the lesson calendar (R-PLAN-3)', () => {
  it('R-PLAN-3: the school\'s deputy and director change lessons on a date; those who read the page see a refusal, others nothing', () => {
    for (const role of ['deputy', 'director'] as const) {
      expect(decide('lessons.reschedule', person(role), facts())).toEqual(ALLOWED);
      expect(decide('lessons.reschedule', person(role, OTHER_SCHOOL), facts())).toEqual(HIDDEN);
    }
    expect(decide('lessons.reschedule', person('teacher'), facts(['page-teacher', 'page-teacher-ever']))).toEqual(VISIBLE);
    expect(decide('lessons.reschedule', person('coordinator'), facts())).toEqual(VISIBLE);
    expect(decide('lessons.reschedule', person('teacher'), facts())).toEqual(HIDDEN);
    expect(decide('lessons.reschedule', person('parent'), facts())).toEqual(HIDDEN);
  });

  it('R-PLAN-3: the deputy and the director regenerate the calendar; the management reads the change log', () => {
    expect(decide('schools.timetable.regenerate', person('deputy'), facts())).toEqual(ALLOWED);
    expect(decide('schools.timetable.regenerate', person('coordinator'), facts())).toEqual(VISIBLE);
    for (const role of ['deputy', 'director', 'coordinator'] as const) {
      expect(decide('schools.lesson-changes.read', person(role), facts())).toEqual(ALLOWED);
    }
    expect(decide('schools.lesson-changes.read', person('teacher'), facts())).toEqual(VISIBLE);
    expect(decide('schools.lesson-changes.read', person('parent'), facts())).toEqual(HIDDEN);
  });

  it('R-PLAN-3: the school\'s teachers and management read a class\'s weekly timetable; only the deputy and the director change it and the bells', () => {
    for (const role of ['teacher', 'deputy', 'director', 'coordinator'] as const) {
      expect(decide('classes.timetable.read', person(role), facts())).toEqual(ALLOWED);
    }
    expect(decide('classes.timetable.read', person('parent'), facts())).toEqual(HIDDEN);
    expect(decide('classes.timetable.read', person('teacher', OTHER_SCHOOL), facts())).toEqual(HIDDEN);
    for (const role of ['deputy', 'director'] as const) {
      expect(decide('classes.timetable.write', person(role), facts())).toEqual(ALLOWED);
      expect(decide('schools.bells.write', person(role), facts())).toEqual(ALLOWED);
    }
    for (const role of ['teacher', 'coordinator', 'sysadmin'] as const) {
      expect(decide('schools.bells.write', person(role), facts())).toEqual(VISIBLE);
    }
    expect(decide('classes.timetable.write', person('teacher'), facts(['class-teacher']))).toEqual(VISIBLE);
    expect(decide('schools.bells.read', person('parent'), facts())).toEqual(HIDDEN);
  });
});
