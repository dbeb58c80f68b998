import type { ActionPolicy } from '../policy-rule.js';
import { SIGNED_IN, STAFF } from './roles.js';

/**
 * People and their personal data (R-ACC-2, 152-FZ). Names are seen by the staff of the person's schools, by the
 * person and by their guardians; personal data (birth date, address, phones, documents, SNILS) only by staff on the
 * personal-data list of a school of the person ("personal-data-staff") and by the guardians of a child. The
 * administration on the list writes it; the director keeps the list; every read is logged.
 */
export const PERSONAL_DATA_POLICY = {
  'people.read': {
    resource: 'person',
    rules: [
      { roles: STAFF, in: 'resource-school' },
      { roles: ['parent'], in: 'any-school', relations: ['guardian'] },
      { roles: SIGNED_IN, in: 'any-school', relations: ['self'] },
    ],
  },
  /** Decided by identity when it answers a read of a person: the fields are shown and the read logged, or not. */
  'people.personal-data.read': {
    resource: 'person',
    rules: [
      { roles: STAFF, in: 'resource-school', relations: ['personal-data-staff'] },
      { roles: ['parent'], in: 'any-school', relations: ['guardian'] },
    ],
    visibleWith: 'people.read',
  },
  'people.personal-data.write': {
    resource: 'person',
    rules: [{ roles: ['director', 'deputy', 'coordinator', 'sysadmin'], in: 'resource-school', relations: ['personal-data-staff'] }],
    visibleWith: 'people.read',
  },
  'schools.personal-data-list.read': {
    resource: 'school',
    rules: [{ roles: ['director', 'deputy', 'coordinator'], in: 'resource-school' }],
    visibleWith: 'schools.read',
  },
  'schools.personal-data-list.write': {
    resource: 'school',
    rules: [{ roles: ['director'], in: 'resource-school' }],
    visibleWith: 'schools.read',
  },
  'schools.personal-data-log.read': {
    resource: 'school',
    rules: [{ roles: ['director', 'coordinator'], in: 'resource-school' }],
    visibleWith: 'schools.read',
  },
} as const satisfies Record<string, ActionPolicy>;
