import type { ActionPolicy } from '../policy-rule.js';

/** The OAuth2 endpoints of the mobile app and machine clients: they authenticate the caller themselves. */
export const TOKENS_POLICY = {
  'auth.authorize': { resource: 'public', rules: [] },
  'auth.token': { resource: 'public', rules: [] },
  'auth.revoke': { resource: 'public', rules: [] },
} as const satisfies Record<string, ActionPolicy>;
