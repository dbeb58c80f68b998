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

describe('the permission policy: calendar-thematic plans and assessments', () => {
  it('R-PLAN-1: the page\'s current teacher, the deputy and the director write its plan; its other readers only read it', () => {
    expect(decide('plans.write', person('teacher'), facts(['page-teacher', 'page-teacher-ever']))).toEqual(ALLOWED);
    for (const role of ['deputy', 'director'] as const) expect(decide('plans.write', person(role), facts())).toEqual(ALLOWED);
    expect(decide('plans.write', person('coordinator'), facts())).toEqual(VISIBLE);
    expect(decide('plans.write', person('teacher'), facts(['page-teacher-ever']))).toEqual(VISIBLE);
    expect(decide('plans.write', person('teacher'), facts(['class-teacher']))).toEqual(VISIBLE);
    expect(decide('plans.write', person('teacher'), facts())).toEqual(HIDDEN);
    expect(decide('plans.write', person('deputy', OTHER_SCHOOL), facts())).toEqual(HIDDEN);
  });

  it('R-PLAN-3: a substitute reads the plan through the lesson they take; parents and the system administrator do not', () => {
    expect(decide('plans.read', person('teacher'), facts(['lesson-substitute']))).toEqual(ALLOWED);
    expect(decide('plans.read', person('sysadmin'), facts())).toEqual(HIDDEN);
    expect(decide('plans.read', person('parent'), facts(['guardian']))).toEqual(HIDDEN);
  });

  it('R-PLAN-1: the coordinator, the deputy and the director follow the plans of the school; its teachers see a refusal', () => {
    for (const role of ['coordinator', 'deputy', 'director'] as const) expect(decide('schools.plans.read', person(role), facts())).toEqual(ALLOWED);
    expect(decide('schools.plans.read', person('teacher'), facts())).toEqual(VISIBLE);
    expect(decide('schools.plans.read', person('coordinator', OTHER_SCHOOL), facts())).toEqual(HIDDEN);
  });

  it('R-PLAN-3: every teacher and the management of the school read the schedule of assessments of its classes', () => {
    expect(decide('classes.assessments.read', person('teacher'), facts())).toEqual(ALLOWED);
    expect(decide('classes.assessments.read', person('coordinator'), facts())).toEqual(ALLOWED);
    expect(decide('classes.assessments.read', person('teacher', OTHER_SCHOOL), facts())).toEqual(HIDDEN);
    expect(decide('classes.assessments.read', person('parent'), facts())).toEqual(HIDDEN);
  });
});
