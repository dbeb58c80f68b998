import type { ClientActor, PersonActor } from '#contracts';
import type { SignedInSession } from './gateway-session.js';

/**
 * Who is calling: a person (web session cookie or the mobile app's bearer token) or a machine client (client
 * credentials token), with the actor every service call carries.
 */
export type Principal =
  | { kind: 'person'; actor: PersonActor; signedIn: SignedInSession }
  | { kind: 'client'; actor: ClientActor; token: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the AccessGuard on every route that needs a signed-in caller. */
    principal?: Principal;
  }
}
