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
const school = (relations: Relation[] = []): AccessFacts => ({ exists: true, schoolIds: [SCHOOL], relations });
const ALLOWED = { allowed: true };
const VISIBLE = { allowed: false, visible: true };
const HIDDEN = { allowed: false, visible: false };

describe('the permission policy: roster files (R-DATA-2)', () => {
  it('the management and the system administrator import and export the whole school; a class teacher only their class', () => {
    for (const action of ['schools.roster-import', 'schools.roster-export'] as const) {
      for (const role of ['deputy', 'director', 'coordinator', 'sysadmin'] as const) expect(decide(action, person(role), school())).toEqual(ALLOWED);
      expect(decide(action, person('teacher'), school(['class-teacher']))).toEqual(ALLOWED);
      expect(decide(action, person('teacher'), school())).toEqual(VISIBLE);
      expect(decide(action, person('parent'), school())).toEqual(HIDDEN);
      expect(decide(action, person('deputy', OTHER_SCHOOL), school())).toEqual(HIDDEN);
    }
    expect(decide('schools.roster-files.all-classes', person('sysadmin'), school())).toEqual(ALLOWED);
    expect(decide('schools.roster-files.all-classes', person('teacher'), school(['class-teacher']))).toEqual(VISIBLE);
  });

  it('R-ACC-2: personal data in roster files: written by the administration on the list, exported to staff on it', () => {
    expect(decide('schools.roster-import.personal-data', person('director'), school(['personal-data-staff']))).toEqual(ALLOWED);
    expect(decide('schools.roster-import.personal-data', person('director'), school())).toEqual(VISIBLE);
    expect(decide('schools.roster-import.personal-data', person('teacher'), school(['personal-data-staff', 'class-teacher']))).toEqual(VISIBLE);
    expect(decide('schools.roster-export.personal-data', person('teacher'), school(['personal-data-staff']))).toEqual(ALLOWED);
    expect(decide('schools.roster-export.personal-data', person('teacher'), school(['class-teacher']))).toEqual(VISIBLE);
    // The class teacher reads the parents' contacts of their class (DOMAIN.md, roles).
    expect(decide('schools.roster-export.parent-contacts', person('teacher'), school(['class-teacher']))).toEqual(ALLOWED);
    expect(decide('schools.roster-export.parent-contacts', person('sysadmin'), school())).toEqual(VISIBLE);
  });
});
