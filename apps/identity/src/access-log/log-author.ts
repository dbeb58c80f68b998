import { personIdOf } from '#contracts';
import { type Clock, currentActor } from '#platform';
import type { LogAuthor } from './access-log.js';

/** The calling person (null for the system) and the Clock's now: the "who" and "when" of a log row. */
export function logAuthor(clock: Clock): LogAuthor {
  return { actorId: personIdOf(currentActor()), at: clock.now() };
}
