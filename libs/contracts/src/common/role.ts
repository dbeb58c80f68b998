import { z } from 'zod';

/** Roles granted per school (DOMAIN.md, roles). A class teacher is a teacher who leads a class. */
export const Role = z.enum(['teacher', 'deputy', 'coordinator', 'sysadmin', 'director', 'parent', 'student']);
export type Role = z.infer<typeof Role>;
