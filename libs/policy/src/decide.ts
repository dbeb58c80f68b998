import type { AccessFacts, Actor, ClientActor, PersonActor } from '#contracts';
import { type ActionPolicy, isClientRule, type PersonRule } from './policy-rule.js';
import { type ActionName, policyOf } from './policy-table.js';

export type Decision = { allowed: true } | { allowed: false; visible: boolean };

const ALLOW: Decision = { allowed: true };

/**
 * May this actor take this action on a resource with these facts? Missing facts for an action about a resource
 * refuse (a missing scope never widens access). A refused resource is visible only through the action's
 * `visibleWith`, so other people's resources and missing ones get the same answer.
 */
export function decide(action: ActionName, actor: Actor, facts: AccessFacts | null): Decision {
  if (allows(policyOf(action), actor, facts)) return ALLOW;
  const { visibleWith } = policyOf(action);
  const visible = visibleWith !== undefined && allows(policyOf(visibleWith as ActionName), actor, facts);
  return { allowed: false, visible };
}

function allows(policy: ActionPolicy, actor: Actor, facts: AccessFacts | null): boolean {
  if (policy.resource === 'public' || actor.kind === 'system') return true;
  const aboutResource = policy.resource !== null;
  if (aboutResource && !facts?.exists) return false;
  if (actor.kind === 'client') return clientAllowed(policy, actor, aboutResource ? facts : null);
  if (actor.grants.some((grant) => grant.role === 'student')) return false;
  return policy.rules.some((rule) => !isClientRule(rule) && personAllowed(rule, actor, aboutResource ? facts : null));
}

function personAllowed(rule: PersonRule, actor: PersonActor, facts: AccessFacts | null): boolean {
  const roles = actor.grants.filter((grant) => rule.roles.includes(grant.role));
  if (roles.length === 0) return false;
  if (rule.in === 'resource-school') {
    if (!facts || !roles.some((grant) => facts.schoolIds.includes(grant.schoolId))) return false;
  }
  if (rule.relations) return !!facts && rule.relations.some((relation) => facts.relations.includes(relation));
  return true;
}

function clientAllowed(policy: ActionPolicy, actor: ClientActor, facts: AccessFacts | null): boolean {
  const scoped = policy.rules.some((rule) => isClientRule(rule) && actor.scopes.includes(rule.clientScope));
  if (!scoped) return false;
  return facts === null || (facts.schoolIds.length > 0 && facts.schoolIds.every((id) => actor.schoolIds.includes(id)));
}
