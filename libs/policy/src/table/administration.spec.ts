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

describe('the permission policy: accounts, personal data, roster', () => {
  it('R-ACC-1: the school\'s system administrator and IS coordinator administer accounts; its other staff see a refusal, others nothing', () => {
    for (const role of ['sysadmin', 'coordinator'] as const) {
      expect(decide('accounts.create', person(role), facts())).toEqual(ALLOWED);
      expect(decide('accounts.manage', person(role), facts())).toEqual(ALLOWED);
      expect(decide('accounts.manage', person(role, OTHER_SCHOOL), facts())).toEqual(HIDDEN);
    }
    for (const role of ['director', 'deputy', 'teacher'] as const) expect(decide('accounts.create', person(role), facts())).toEqual(VISIBLE);
    expect(decide('accounts.create', person('parent'), facts())).toEqual(HIDDEN);
    // An account is seen by its administrators only, even by its own person.
    expect(decide('accounts.read', person('teacher'), facts(['self']))).toEqual(HIDDEN);
  });

  it('R-ACC-1: the access log is read by the system administrator, the IS coordinator and the director', () => {
    for (const role of ['sysadmin', 'coordinator', 'director'] as const) expect(decide('schools.access-log.read', person(role), facts())).toEqual(ALLOWED);
    expect(decide('schools.access-log.read', person('deputy'), facts())).toEqual(VISIBLE);
  });

  it('R-ACC-2: personal data: staff on the list of the person\'s school and the child\'s guardians; a system administrator only on the list', () => {
    expect(decide('people.personal-data.read', person('teacher'), facts(['personal-data-staff']))).toEqual(ALLOWED);
    expect(decide('people.personal-data.read', person('sysadmin'), facts())).toEqual(VISIBLE);
    expect(decide('people.personal-data.read', person('sysadmin'), facts(['personal-data-staff']))).toEqual(ALLOWED);
    expect(decide('people.personal-data.read', person('parent', OTHER_SCHOOL), facts(['guardian']))).toEqual(ALLOWED);
    expect(decide('people.personal-data.read', person('parent'), facts())).toEqual(HIDDEN);
    expect(decide('people.personal-data.read', person('deputy', OTHER_SCHOOL), facts(['personal-data-staff']))).toEqual(HIDDEN);
    // Writing: the administration on the list; a teacher on the list reads but does not write.
    expect(decide('people.personal-data.write', person('director'), facts(['personal-data-staff']))).toEqual(ALLOWED);
    expect(decide('people.personal-data.write', person('director'), facts())).toEqual(VISIBLE);
    expect(decide('people.personal-data.write', person('teacher'), facts(['personal-data-staff']))).toEqual(VISIBLE);
  });

  it('R-ACC-2: the director keeps the personal-data list; the director and the coordinator read the log of reads', () => {
    expect(decide('schools.personal-data-list.write', person('director'), facts())).toEqual(ALLOWED);
    expect(decide('schools.personal-data-list.write', person('coordinator'), facts())).toEqual(VISIBLE);
    expect(decide('schools.personal-data-log.read', person('coordinator'), facts())).toEqual(ALLOWED);
    expect(decide('schools.personal-data-log.read', person('sysadmin'), facts())).toEqual(VISIBLE);
  });

  it('R-CAL-4: the management keeps the roster; the class teacher reads their class and submits requests for it only', () => {
    expect(decide('classes.roster.write', person('deputy'), facts())).toEqual(ALLOWED);
    expect(decide('classes.roster.write', person('teacher'), facts(['class-teacher']))).toEqual(VISIBLE);
    expect(decide('classes.roster-requests.submit', person('teacher'), facts(['class-teacher']))).toEqual(ALLOWED);
    expect(decide('classes.roster-requests.submit', person('teacher'), facts())).toEqual(HIDDEN);
    expect(decide('classes.roster-requests.decide', person('teacher'), facts(['class-teacher']))).toEqual(VISIBLE);
    expect(decide('classes.roster-requests.decide', person('director'), facts())).toEqual(ALLOWED);
    expect(decide('students.transfer', person('coordinator'), facts())).toEqual(ALLOWED);
    expect(decide('students.transfer', person('parent'), facts(['guardian']))).toEqual(VISIBLE);
    expect(decide('classes.roster.write', person('sysadmin'), facts())).toEqual(HIDDEN);
  });
});
