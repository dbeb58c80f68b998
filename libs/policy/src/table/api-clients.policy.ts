import type { ActionPolicy } from '../policy-rule.js';

const ADMINISTRATORS = { roles: ['sysadmin', 'coordinator'], in: 'any-school' } as const;

/**
 * Machine clients of the municipal portal (OAuth2 client credentials): the system administrator and the IS coordinator
 * grant and revoke access (DOMAIN.md, roles). Identity limits each of them to the schools they administer.
 */
export const API_CLIENTS_POLICY = {
  'api-clients.create': { resource: null, rules: [ADMINISTRATORS] },
  'api-clients.list': { resource: null, rules: [ADMINISTRATORS] },
  'api-clients.revoke': { resource: null, rules: [ADMINISTRATORS] },
} as const satisfies Record<string, ActionPolicy>;
