import { type AccessFacts, DomainError } from '#contracts';
import { currentActor } from '#platform';
import { type ActionName, decide } from '#policy';

/**
 * Identity checks an action of the calling actor again with the one policy table: allowed, or `refusal` (the answer
 * for a resource that does not exist) when the resource is not visible, or FORBIDDEN when it is.
 */
export function assertCallerMay(action: ActionName, facts: AccessFacts, refusal: () => DomainError, forbidden?: () => DomainError): void {
  const decision = decide(action, currentActor(), facts);
  if (decision.allowed) return;
  throw decision.visible && forbidden ? forbidden() : refusal();
}
