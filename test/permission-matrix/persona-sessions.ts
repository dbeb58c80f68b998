import { ApiSession, loginThroughDevIdp } from '#testing';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway.js';
import { SessionStore } from '../../apps/gateway/src/session/session.store.js';
import { type MatrixWorld, PASSWORD, type Persona } from './matrix-world.js';

/**
 * A client of the gateway for a persona: nobody; a person signed in through the real dev IdP form; or, for the student
 * who may not sign in at all (R-ACC-1), a session put straight into the gateway's store, as if one had slipped through.
 */
export async function sessionOf(gateway: RunningGateway, world: MatrixWorld, persona: Persona): Promise<ApiSession> {
  if (persona === 'anonymous') return new ApiSession(gateway.url);
  if (persona !== 'student') return loginThroughDevIdp(gateway.url, persona, PASSWORD);
  const { token, session } = await gateway.app.get(SessionStore).create(world.accountOf('student'));
  const student = new ApiSession(gateway.url);
  student.jar.setCookie(gateway.url, `ej_session=${token}`);
  student.csrfToken = session.csrfToken;
  return student;
}
