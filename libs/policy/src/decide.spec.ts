import { describe, expect, it } from '@jest/globals';
import type { AccessFacts, Actor, Relation, Role } from '#contracts';
import { decide } from './decide.js';
import type { ActionPolicy } from './policy-rule.js';
import { POLICY } from './policy-table.js';

const SCHOOL = '11111111-1111-4111-8111-111111111111';
const OTHER_SCHOOL = '22222222-2222-4222-8222-222222222222';

const person = (role: Role, schoolId = SCHOOL): Actor => ({
  kind: 'person',
  accountId: '33333333-3333-4333-8333-333333333333',
  personId: '44444444-4444-4444-8444-444444444444',
  grants: [{ role, schoolId }],
});
const facts = (relations: Relation[] = [], schoolId = SCHOOL): AccessFacts => ({ exists: true, schoolIds: [schoolId], relations });
const missing: AccessFacts = { exists: false, schoolIds: [], relations: [] };

describe('the permission policy', () => {
  it('R-ACC-3: the assigned teacher writes on the page; a class teacher reads it but may not write (visible refusal)', () => {
    expect(decide('lessons.marks.write', person('teacher'), facts(['page-teacher']))).toEqual({ allowed: true });
    expect(decide('lessons.marks.write', person('teacher'), facts(['class-teacher']))).toEqual({ allowed: false, visible: true });
  });

  it('R-ACC-3: a predecessor still reads the page but no longer writes on it', () => {
    expect(decide('lessons.read', person('teacher'), facts(['page-teacher-ever']))).toEqual({ allowed: true });
    expect(decide('lessons.marks.write', person('teacher'), facts(['page-teacher-ever']))).toEqual({ allowed: false, visible: true });
  });

  it('R-ACC-3: a substitute writes on the lesson they substitute', () => {
    expect(decide('lessons.marks.write', person('teacher'), facts(['lesson-substitute']))).toEqual({ allowed: true });
  });

  it('other people\'s resources and missing ones get the same refusal', () => {
    const stranger = decide('lessons.marks.write', person('teacher'), facts([]));
    expect(stranger).toEqual({ allowed: false, visible: false });
    expect(decide('lessons.marks.write', person('teacher'), missing)).toEqual(stranger);
    expect(decide('students.diary.read', person('parent'), facts([]))).toEqual(decide('students.diary.read', person('parent'), missing));
  });

  it('a role in another school gives nothing in this one (one deployment, many schools)', () => {
    expect(decide('lessons.read', person('deputy', OTHER_SCHOOL), facts())).toEqual({ allowed: false, visible: false });
    expect(decide('lessons.read', person('deputy'), facts())).toEqual({ allowed: true });
  });

  it('R-REP-4: a parent reads their own child only', () => {
    expect(decide('students.diary.read', person('parent', OTHER_SCHOOL), facts(['guardian']))).toEqual({ allowed: true });
    expect(decide('students.diary.read', person('parent'), facts(['class-teacher']))).toMatchObject({ allowed: false });
  });

  it('R-ACC-1: a student is refused every action, even with another role', () => {
    const student: Actor = { ...person('teacher'), grants: [{ role: 'teacher', schoolId: SCHOOL }, { role: 'student', schoolId: SCHOOL }] } as Actor;
    for (const action of Object.keys(POLICY) as Array<keyof typeof POLICY>) {
      if (POLICY[action].resource === 'public') continue;
      expect(decide(action, student, facts(['page-teacher', 'guardian', 'class-teacher', 'self']))).toMatchObject({ allowed: false });
    }
  });

  it('a system administrator does not read marks (DOMAIN.md roles)', () => {
    expect(decide('lessons.read', person('sysadmin'), facts())).toMatchObject({ allowed: false });
    expect(decide('classes.summary.read', person('sysadmin'), facts())).toMatchObject({ allowed: false });
  });

  it('R-ACC-3: the school\'s deputy and director hand pages over and assign substitutes; readers of the page are refused visibly', () => {
    for (const action of ['pages.assign', 'lessons.substitute'] as const) {
      expect(decide(action, person('deputy'), facts())).toEqual({ allowed: true });
      expect(decide(action, person('director'), facts())).toEqual({ allowed: true });
      expect(decide(action, person('coordinator'), facts())).toEqual({ allowed: false, visible: true });
      expect(decide(action, person('teacher'), facts(['page-teacher', 'page-teacher-ever']))).toEqual({ allowed: false, visible: true });
      expect(decide(action, person('teacher'), facts())).toEqual({ allowed: false, visible: false });
      expect(decide(action, person('deputy', OTHER_SCHOOL), facts())).toEqual({ allowed: false, visible: false });
      expect(decide(action, person('deputy'), missing)).toEqual({ allowed: false, visible: false });
    }
  });

  it('R-REP-4: identity lists a parent\'s children to that parent only', () => {
    expect(decide('people.children.read', person('parent'), facts(['self']))).toEqual({ allowed: true });
    expect(decide('people.children.read', person('parent'), facts([]))).toEqual({ allowed: false, visible: false });
    expect(decide('people.children.read', person('deputy'), facts([]))).toEqual({ allowed: false, visible: false });
  });

  it('the table is consistent: every visibleWith names an action about the same kind of resource', () => {
    for (const [action, policy] of Object.entries(POLICY) as Array<[string, ActionPolicy]>) {
      if (policy.visibleWith === undefined) continue;
      expect({ action, visibleWith: POLICY[policy.visibleWith as keyof typeof POLICY]?.resource }).toEqual({ action, visibleWith: policy.resource });
    }
  });

  it('missing facts never widen access: an action about a resource refuses without them', () => {
    expect(decide('lessons.read', person('deputy'), null)).toEqual({ allowed: false, visible: false });
  });
});
