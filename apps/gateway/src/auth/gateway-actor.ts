import type { Actor } from '#contracts';

/** The gateway itself, when it asks identity about a subject or a client secret before anyone is signed in. */
export const GATEWAY_ACTOR: Actor = { kind: 'system', name: 'gateway' };
