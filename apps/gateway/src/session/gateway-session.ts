import { z } from 'zod';
import { Id, PersonName, RoleGrant } from '#contracts';

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

/** A session together with the cookie token it was found by. */
export interface SignedInSession {
  token: string;
  session: GatewaySession;
}
