import type { Role, RoleGrant } from '#contracts';

export const PUBLIC = 'public';

const EVERY_SIGNED_IN: readonly Role[] = ['teacher', 'deputy', 'coordinator', 'sysadmin', 'director', 'parent'];
/** Staff who read journal pages; ownership (own page, own class) is decided by the services. */
const SCHOOL_READERS: readonly Role[] = ['teacher', 'deputy', 'coordinator', 'director'];

/**
 * Who may call what (DOMAIN.md, roles): the one table of actions and the roles allowed to take them. Every route
 * names its action with @Action; the app does not boot with an /api/v1 route that has none. Students appear
 * nowhere: the regulation forbids them the journal, and the guard refuses their sessions before this table.
 */
export const PERMISSIONS = {
  'home.read': PUBLIC,
  'auth.login': PUBLIC,
  'auth.callback': PUBLIC,
  'auth.logout': EVERY_SIGNED_IN,
  'me.read': EVERY_SIGNED_IN,
  'me.lessons.read': ['teacher'],
  'lessons.read': SCHOOL_READERS,
  'lessons.content.write': ['teacher'],
  'lessons.marks.write': ['teacher'],
  'lessons.attendance.write': ['teacher'],
  'children.read': ['parent'],
  'students.diary.read': ['parent', ...SCHOOL_READERS],
  'students.marks.read': ['parent', ...SCHOOL_READERS],
  'classes.summary.read': SCHOOL_READERS,
  'schools.work-kinds.read': SCHOOL_READERS,
} as const satisfies Record<string, typeof PUBLIC | readonly Role[]>;

export type ActionName = keyof typeof PERMISSIONS;

export function isPublicAction(action: ActionName): boolean {
  return PERMISSIONS[action] === PUBLIC;
}

export function rolesAllowed(action: ActionName): readonly Role[] {
  const rule: typeof PUBLIC | readonly Role[] = PERMISSIONS[action];
  return rule === PUBLIC ? [] : rule;
}

/** May a person with these grants take the action (in some school)? */
export function isAllowed(action: ActionName, grants: readonly RoleGrant[]): boolean {
  if (isPublicAction(action)) return true;
  const allowed = rolesAllowed(action);
  return grants.some((grant) => allowed.includes(grant.role));
}
