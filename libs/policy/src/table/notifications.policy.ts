import type { ActionPolicy } from '../policy-rule.js';

/** A parent's own notification feed and settings (R-REP-4): about the caller only, so parents and no one else. */
export const NOTIFICATIONS_POLICY = {
  'me.notifications.read': { resource: null, rules: [{ roles: ['parent'], in: 'any-school' }] },
  'me.notifications.mark-read': { resource: null, rules: [{ roles: ['parent'], in: 'any-school' }] },
  'me.notification-settings.read': { resource: null, rules: [{ roles: ['parent'], in: 'any-school' }] },
  'me.notification-settings.write': { resource: null, rules: [{ roles: ['parent'], in: 'any-school' }] },
} as const satisfies Record<string, ActionPolicy>;
