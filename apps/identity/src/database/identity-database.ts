import type { ServiceDatabase } from '#platform';
import { SchoolEntity } from '../schools/school.entity.js';
import { IdentityInitial1764720000000 } from './migrations/1764720000000-identity-initial.js';

export function identityDatabase(url: string): ServiceDatabase {
  return {
    url,
    schema: 'identity',
    entities: [SchoolEntity],
    migrations: [IdentityInitial1764720000000],
  };
}
