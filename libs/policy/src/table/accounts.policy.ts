import type { ActionPolicy } from '../policy-rule.js';

/** Who grants and revokes access in a school (DOMAIN.md, roles): its system administrator and IS coordinator. */
const ADMINISTRATORS = { roles: ['sysadmin', 'coordinator'], in: 'resource-school' } as const;

/**
 * Accounts (R-ACC-1, R-ACC-4): no self-registration; a school's administrators create accounts, link them to OIDC
 * subjects, grant and revoke roles. Identity checks further that every role granted or revoked is in a school the
 * caller administers. The school's staff see the school (403 for them), anyone else does not (404); an account is
 * visible to its administrators only.
 */
export const ACCOUNTS_POLICY = {
  'accounts.list': { resource: 'school', rules: [ADMINISTRATORS], visibleWith: 'schools.read' },
  'accounts.create': { resource: 'school', rules: [ADMINISTRATORS], visibleWith: 'schools.read' },
  /** Whether first sign-ins through ESIA are linked to pending accounts by SNILS. */
  'accounts.settings.write': { resource: 'school', rules: [ADMINISTRATORS], visibleWith: 'schools.read' },
  'accounts.read': { resource: 'account', rules: [ADMINISTRATORS] },
  /** Grant and revoke roles, link the subject, revoke and restore the whole account. */
  'accounts.manage': { resource: 'account', rules: [ADMINISTRATORS] },
  /** Who changed whose access, when: the administrators and the director. */
  'schools.access-log.read': {
    resource: 'school',
    rules: [{ roles: ['sysadmin', 'coordinator', 'director'], in: 'resource-school' }],
    visibleWith: 'schools.read',
  },
} as const satisfies Record<string, ActionPolicy>;
