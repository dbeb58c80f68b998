import { z } from 'zod';

export const PersonName = z.object({
  lastName: z.string().min(1).max(100),
  firstName: z.string().min(1).max(100),
  middleName: z.string().max(100).nullable().default(null),
});
export type PersonName = z.infer<typeof PersonName>;

export function fullName(name: PersonName): string {
  return [name.lastName, name.firstName, name.middleName].filter(Boolean).join(' ');
}
