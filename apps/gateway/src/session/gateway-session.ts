import { z } from 'zod';
import { Id, PersonName, type ResolvedAccount, RoleGrant } from '#contracts';
import { opaqueToken } from './opaque-token.js';

/** What the gateway keeps in Redis for a signed-in person. */
export const GatewaySession = z.object({
  accountId: Id,
  personId: Id,
  name: PersonName,
  grants: z.array(RoleGrant),
  csrfToken: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
});
export type GatewaySession = z.infer<typeof GatewaySession>;

/**
 * A signed-in person together with the token they were found by: the session cookie of the web, or a bearer access
 * token of the mobile app (which needs no CSRF token: a browser never sends it on its own).
 */
export interface SignedInSession {
  via: 'cookie' | 'bearer';
  token: string;
  session: GatewaySession;
}

/** A new session of an account, with its own CSRF token. */
export function newGatewaySession(account: ResolvedAccount, now: Date): GatewaySession {
  const { accountId, personId, name, grants } = account;
  return { accountId, personId, name, grants, csrfToken: opaqueToken.generate(), createdAt: now.toISOString() };
}
