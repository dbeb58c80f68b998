import type { Actor, Role } from '#contracts';

/** Roles that read everything in their school: deputy director, director, IS coordinator (DOMAIN.md, roles). */
const MANAGEMENT_ROLES: ReadonlySet<Role> = new Set<Role>(['deputy', 'director', 'coordinator']);

/** The schools the actor manages. Sysadmin, parent and student grants give no reading rights by themselves. */
export function managedSchoolIds(actor: Actor): Set<string> {
  if (actor.kind !== 'person') return new Set();
  return new Set(actor.grants.filter((grant) => MANAGEMENT_ROLES.has(grant.role)).map((grant) => grant.schoolId));
}

export function managesSchool(actor: Actor, schoolId: string): boolean {
  return managedSchoolIds(actor).has(schoolId);
}
