import type { ActionPolicy } from '../policy-rule.js';
import { SIGNED_IN } from './roles.js';

export const SESSION_POLICY = {
  'home.read': { resource: 'public', rules: [] },
  'auth.login': { resource: 'public', rules: [] },
  'auth.callback': { resource: 'public', rules: [] },
  'auth.logout': { resource: null, rules: [{ roles: SIGNED_IN, in: 'any-school' }] },
  'me.read': { resource: null, rules: [{ roles: SIGNED_IN, in: 'any-school' }] },
} as const satisfies Record<string, ActionPolicy>;
