import type { Role } from '#contracts';

/** The school's management: they read everything in their school (DOMAIN.md, roles). */
export const MANAGEMENT: readonly Role[] = ['deputy', 'director', 'coordinator'];
/** Everyone who may sign in at all: students never may (the regulation). */
export const SIGNED_IN: readonly Role[] = ['teacher', 'deputy', 'coordinator', 'sysadmin', 'director', 'parent'];
