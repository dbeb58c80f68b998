import { DomainError, ErrorCode } from '#contracts';
import { currentActor } from '#platform';
import { type ActionName, decide } from '#policy';

/**
 * Planning checks an action of the calling actor again with the one policy table (the gateway decided first), on
 * what planning itself knows of the resource: it exists and belongs to this school. Not visible → `notFound()` (the
 * answer for a resource that does not exist); visible → FORBIDDEN.
 */
export function assertCallerMay(action: ActionName, schoolId: string, notFound: () => DomainError): void {
  const decision = decide(action, currentActor(), { exists: true, schoolIds: [schoolId], relations: [] });
  if (decision.allowed) return;
  throw decision.visible ? new DomainError(ErrorCode.Forbidden, 'Недостаточно прав для этого действия') : notFound();
}
