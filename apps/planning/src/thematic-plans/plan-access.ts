import { Injectable } from '@nestjs/common';
import { type AccessFacts, DomainError, ErrorCode, IdentityRpc, type Page, type ResourceRef, type School } from '#contracts';
import { Clock, currentActor, RpcClient } from '#platform';
import { type ActionName, decide } from '#policy';

/** A page as identity knows it, with its school (its time zone and its academic year's label). */
export interface PlanPage {
  page: Page;
  school: School;
}

const NOT_FOUND: Record<ResourceRef['type'], string> = {
  school: 'Школа не найдена',
  class: 'Класс не найден',
  student: 'Ученик не найден',
  page: 'Страница журнала не найдена',
  person: 'Человек не найден',
  account: 'Учётная запись не найдена',
};

/**
 * Planning's own check of the calling actor with the one policy table (libs/policy), on identity's facts: refused and
 * not visible is NOT_FOUND with the words for a missing resource; refused but visible is FORBIDDEN.
 */
@Injectable()
export class PlanAccess {
  constructor(
    private readonly rpc: RpcClient,
    private readonly clock: Clock,
  ) {}

  async assertMay(
    action: ActionName,
    resource: ResourceRef,
    words: { notFound?: string; forbidden?: string } = {},
  ): Promise<AccessFacts> {
    const facts = await this.rpc.call(IdentityRpc.accessFacts, { resource });
    const decision = decide(action, currentActor(), facts);
    if (decision.allowed) return facts;
    if (decision.visible) throw new DomainError(ErrorCode.Forbidden, words.forbidden ?? 'Недостаточно прав для этого действия');
    throw new DomainError(ErrorCode.NotFound, words.notFound ?? NOT_FOUND[resource.type]);
  }

  /** The page (and its school) once the actor may take the action on it today, in the school's zone (R-ACC-3). */
  async page(pageId: string, action: 'plans.read' | 'plans.write'): Promise<PlanPage> {
    const forbidden = 'КТП этой страницы ведёт её учитель';
    // The page's details do not depend on the date asked with; the facts are of today in the school's zone.
    const [, context] = await Promise.all([
      this.assertMay(action, { type: 'page', id: pageId }, { forbidden }),
      this.rpc.call(IdentityRpc.pageContext, { pageId, date: this.clock.now().toISOString().slice(0, 10) }),
    ]);
    return { page: context.page, school: context.school };
  }
}
