import { z } from 'zod';
import { Role } from './role.js';

export const RoleGrant = z.object({ role: Role, schoolId: z.uuid() });
export type RoleGrant = z.infer<typeof RoleGrant>;

/** Who asks: carried in the `x-actor` NATS header on every call. */
export const Actor = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    accountId: z.uuid(),
    personId: z.uuid(),
    grants: z.array(RoleGrant),
  }),
  z.object({ kind: z.literal('system'), name: z.string().min(1) }),
  /** A machine client (the municipal portal) with OAuth2 scopes, limited to the schools it was granted. */
  z.object({
    kind: z.literal('client'),
    clientId: z.uuid(),
    scopes: z.array(z.string()),
    schoolIds: z.array(z.uuid()),
  }),
]);
export type Actor = z.infer<typeof Actor>;
export type PersonActor = Extract<Actor, { kind: 'person' }>;
export type ClientActor = Extract<Actor, { kind: 'client' }>;

export const SYSTEM_SEED_ACTOR: Actor = { kind: 'system', name: 'seed' };

/** The person behind an actor, if it is one (machine clients and the system are nobody). */
export function personIdOf(actor: Actor): string | null {
  return actor.kind === 'person' ? actor.personId : null;
}
