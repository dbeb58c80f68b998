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
]);
export type Actor = z.infer<typeof Actor>;
export type PersonActor = Extract<Actor, { kind: 'person' }>;

export const SYSTEM_SEED_ACTOR: Actor = { kind: 'system', name: 'seed' };
