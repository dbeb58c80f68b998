import type { ServiceDatabase } from '#platform';
import { SubstitutionEntity } from '../assignments/substitution.entity.js';
import { AccountEntity } from '../accounts/account.entity.js';
import { RoleGrantEntity } from '../accounts/role-grant.entity.js';
import { ApiClientEntity } from '../api-clients/api-client.entity.js';
import { SchoolClassEntity } from '../classes/school-class.entity.js';
import { EnrollmentEntity } from '../enrollments/enrollment.entity.js';
import { GroupMembershipEntity } from '../enrollments/group-membership.entity.js';
import { ClassGroupEntity } from '../groups/class-group.entity.js';
import { GuardianshipEntity } from '../guardianships/guardianship.entity.js';
import { PageAssignmentEntity } from '../pages/page-assignment.entity.js';
import { PageEntity } from '../pages/page.entity.js';
import { PersonEntity } from '../people/person.entity.js';
import { SchoolEntity } from '../schools/school.entity.js';
import { IdentityInitial1764720000000 } from './migrations/1764720000000-identity-initial.js';
import { IdentityRoster1764720100000 } from './migrations/1764720100000-identity-roster.js';
import { IdentityApiClients1764720400000 } from './migrations/1764720400000-identity-api-clients.js';
import { IdentitySubstitutions1764720730000 } from './migrations/1764720730000-identity-substitutions.js';
import { IdentityAdministration1764720910000 } from './migrations/1764720910000-identity-administration.js';
import { IdentityMarkSettings1764900410000 } from './migrations/1764900410000-identity-mark-settings.js';
import { IdentitySchoolTransfer1764901400000 } from './migrations/1764901400000-identity-school-transfer.js';

export function identityDatabase(url: string): ServiceDatabase {
  return {
    url,
    schema: 'identity',
    entities: [
      SchoolEntity,
      PersonEntity,
      AccountEntity,
      RoleGrantEntity,
      SchoolClassEntity,
      ClassGroupEntity,
      EnrollmentEntity,
      GroupMembershipEntity,
      GuardianshipEntity,
      PageEntity,
      PageAssignmentEntity,
      ApiClientEntity,
      SubstitutionEntity,
    ],
    migrations: [
      IdentityInitial1764720000000,
      IdentityRoster1764720100000,
      IdentityApiClients1764720400000,
      IdentitySubstitutions1764720730000,
      IdentityAdministration1764720910000,
      IdentityMarkSettings1764900410000,
      IdentitySchoolTransfer1764901400000,
    ],
  };
}
