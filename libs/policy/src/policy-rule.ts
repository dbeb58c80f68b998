import type { Relation, Role } from '#contracts';

/**
 * A person may take an action when they hold one of the roles — in the resource's school (`in: 'resource-school'`)
 * or anywhere (`in: 'any-school'`, for actions about their own things) — and, when the rule names relations, stand
 * in one of them to the resource.
 */
export interface PersonRule {
  roles: readonly Role[];
  in: 'resource-school' | 'any-school';
  relations?: readonly Relation[];
}

/** A machine client may take an action with this OAuth2 scope, on resources of the schools it was granted. */
export interface ClientRule {
  clientScope: string;
}

export type PolicyRule = PersonRule | ClientRule;

export type ResourceKind = 'school' | 'class' | 'student' | 'page' | 'person' | 'account';

/** One action of the API: what it is about and who may take it. */
export interface ActionPolicy {
  /** `public`: no sign-in; `null`: about the actor only (their lessons, their children). */
  resource: ResourceKind | null | 'public';
  rules: readonly PolicyRule[];
  /**
   * The action that makes the resource visible: refused but visible → FORBIDDEN; refused and not visible →
   * NOT_FOUND, exactly like a resource that does not exist.
   */
  visibleWith?: string;
}

export function isClientRule(rule: PolicyRule): rule is ClientRule {
  return 'clientScope' in rule;
}
