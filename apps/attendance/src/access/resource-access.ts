import { Injectable } from '@nestjs/common';
import { type AccessFacts, DomainError, ErrorCode, IdentityRpc, type ResourceRef } from '#contracts';
import { currentActor, RpcClient } from '#platform';
import { type ActionName, decide } from '#policy';

const STUDENT_NOT_FOUND = 'Ученик не найден';
const CLASS_NOT_FOUND = 'Класс не найден';

/**
 * Decides the calling actor's actions on students and classes with the one policy table, from identity's facts
 * (defence in depth behind the gateway). Refused and not visible: exactly the answer for a missing resource.
 */
@Injectable()
export class ResourceAccess {
  constructor(private readonly rpc: RpcClient) {}

  facts(resource: ResourceRef): Promise<AccessFacts> {
    return this.rpc.call(IdentityRpc.accessFacts, { resource });
  }

  /** The student on a date (their class then; today without one): allowed, FORBIDDEN if visible, NOT_FOUND otherwise. */
  async assertStudent(action: ActionName, studentId: string, date?: string, forbidden = 'Недостаточно прав для этого действия'): Promise<void> {
    const facts = await this.facts({ type: 'student', id: studentId, ...(date ? { date } : {}) });
    assertAllowed(action, facts, STUDENT_NOT_FOUND, forbidden);
  }

  async assertClass(action: ActionName, classId: string): Promise<void> {
    assertAllowed(action, await this.facts({ type: 'class', id: classId }), CLASS_NOT_FOUND, 'Недостаточно прав для этого действия');
  }
}

function assertAllowed(action: ActionName, facts: AccessFacts, notFound: string, forbidden: string): void {
  const decision = decide(action, currentActor(), facts);
  if (decision.allowed) return;
  throw decision.visible ? new DomainError(ErrorCode.Forbidden, forbidden) : new DomainError(ErrorCode.NotFound, notFound);
}
