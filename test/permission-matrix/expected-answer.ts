import type { AccessFacts } from '#contracts';
import { type ActionName, decide, POLICY } from '#policy';
import { actorOf, type MatrixWorld, type Persona } from './matrix-world.js';
import type { MatrixRequest, RouteBuilder } from './route-builder.js';

export interface ExpectedAnswer {
  status: number;
  /** The problem's code for a refusal. */
  code?: string;
}

const MISSING: AccessFacts = { exists: false, schoolIds: [], relations: [] };

/**
 * What the gateway must answer, from the policy table and what the fixture made of the persona: allowed → the route's
 * success; refused but the resource visible → 403; refused and not visible → 404, exactly as a missing resource;
 * nobody signed in → 401; a student → 403 STUDENT_ACCESS_FORBIDDEN (the regulation).
 */
export function expectedAnswer(
  world: MatrixWorld,
  action: ActionName | undefined,
  builder: RouteBuilder,
  persona: Persona,
  request: MatrixRequest,
): ExpectedAnswer {
  // Routes outside the API (health) name no action: like public ones, nobody is asked who they are.
  const policy = action ? POLICY[action] : null;
  if (!action || !policy || policy.resource === 'public') return { status: builder.publicStatus ?? 200 };
  if (persona === 'anonymous') return { status: 401, code: 'UNAUTHENTICATED' };
  if (persona === 'student') return { status: 403, code: 'STUDENT_ACCESS_FORBIDDEN' };
  const success = { status: builder.success ?? 200 };
  const actor = actorOf(world, persona);
  if (policy.resource === null) return decide(action, actor, null).allowed ? success : { status: 403, code: 'FORBIDDEN' };
  const decision = decide(action, actor, factsOf(world, persona, request));
  if (decision.allowed) return success;
  return decision.visible ? { status: 403, code: 'FORBIDDEN' } : { status: 404, code: 'NOT_FOUND' };
}

/** The persona's facts about the request's resource as the fixture knows them (not as identity computes them). */
function factsOf(world: MatrixWorld, persona: Persona, { resource }: MatrixRequest): AccessFacts {
  if (!resource) return MISSING;
  const known = world.resources[resource];
  return { exists: true, schoolIds: [known.schoolId], relations: known.relations[persona] ?? [] };
}
