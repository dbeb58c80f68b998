import type { Role } from '#contracts';

/** The school's management: they read everything in their school (DOMAIN.md, roles). */
export const MANAGEMENT: readonly Role[] = ['deputy', 'director', 'coordinator'];
/** Everyone who may sign in at all: students never may (the regulation). */
export const SIGNED_IN: readonly Role[] = ['teacher', 'deputy', 'coordinator', 'sysadmin', 'director', 'parent'];
/** Everyone who works in a school (not parents, not students): they see the school and the names of its people. */
export const STAFF: readonly Role[] = ['teacher', 'deputy', 'coordinator', 'sysadmin', 'director'];
