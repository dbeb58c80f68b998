import { Injectable } from '@nestjs/common';
import { type AccessFacts, DomainError, ErrorCode, type ResourceRef } from '#contracts';
import type { ActionName } from '#policy';
import { AccessFactsService } from './access-facts.service.js';
import { assertCallerMay } from './caller-may.js';

/** The words for a resource that does not exist or that the caller may not see: the gateway's words (R-ACC). */
const NOT_FOUND: Record<ResourceRef['type'], string> = {
  school: 'Школа не найдена',
  class: 'Класс не найден',
  student: 'Ученик не найден',
  page: 'Страница журнала не найдена',
  person: 'Человек не найден',
  account: 'Учётная запись не найдена',
};

export const notFound = (type: ResourceRef['type']) => new DomainError(ErrorCode.NotFound, NOT_FOUND[type]);
export const forbidden = () => new DomainError(ErrorCode.Forbidden, 'Недостаточно прав для этого действия');

/**
 * Identity's own check of an action of the caller with the one policy table (libs/policy): the facts of the resource,
 * then allowed, FORBIDDEN when the resource is visible, or NOT_FOUND exactly as for a missing one.
 */
@Injectable()
export class AccessCheck {
  constructor(private readonly facts: AccessFactsService) {}

  async assertMay(action: ActionName, resource: ResourceRef): Promise<AccessFacts> {
    const facts = await this.facts.ofCaller(resource);
    assertCallerMay(action, facts, () => notFound(resource.type), forbidden);
    return facts;
  }
}
