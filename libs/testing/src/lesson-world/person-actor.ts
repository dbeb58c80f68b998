import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '#contracts';

/** A signed-in person acting with one role at one school. */
export function personActor(personId: string, role: Role, schoolId: string): Actor {
  return { kind: 'person', accountId: randomUUID(), personId, grants: [{ role, schoolId }] };
}
