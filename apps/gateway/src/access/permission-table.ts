import type { Role, RoleGrant } from '#contracts';
import { type ActionName, isClientRule, POLICY } from '#policy';

export type { ActionName } from '#policy';

export function isPublicAction(action: ActionName): boolean {
  return POLICY[action].resource === 'public';
}

/** Every role some rule of the action names (the ownership of the resource is decided after this). */
export function rolesAllowed(action: ActionName): readonly Role[] {
  const roles = POLICY[action].rules.flatMap((rule) => (isClientRule(rule) ? [] : (rule.roles as readonly Role[])));
  return [...new Set(roles)];
}

/** May a person with these grants take the action somewhere? */
export function isAllowed(action: ActionName, grants: readonly RoleGrant[]): boolean {
  if (isPublicAction(action)) return true;
  const roles = rolesAllowed(action);
  return grants.some((grant) => roles.includes(grant.role));
}
