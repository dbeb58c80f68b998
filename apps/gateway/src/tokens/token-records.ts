import { z } from 'zod';
import { Id } from '#contracts';
import { GatewaySession } from '../session/gateway-session.js';

/** An access token of a person (the mobile app): the account as signed in, and the family it was rotated in. */
export const PersonTokenRecord = z.object({ kind: z.literal('person'), familyId: z.string().min(1), session: GatewaySession });
export type PersonTokenRecord = z.infer<typeof PersonTokenRecord>;

/** An access token of a machine client: its scopes and schools as identity verified them. */
export const ClientTokenRecord = z.object({
  kind: z.literal('client'),
  clientId: Id,
  scopes: z.array(z.string()),
  schoolIds: z.array(Id),
  issuedAt: z.iso.datetime({ offset: true }),
});
export type ClientTokenRecord = z.infer<typeof ClientTokenRecord>;

export const AccessTokenRecord = z.discriminatedUnion('kind', [PersonTokenRecord, ClientTokenRecord]);
export type AccessTokenRecord = z.infer<typeof AccessTokenRecord>;

/** One mobile sign-in: who (the provider's subject, to ask identity again on refresh), which app, and the account. */
export const TokenFamily = z.object({ subject: z.string().min(1), clientId: z.string().min(1), session: GatewaySession });
export type TokenFamily = z.infer<typeof TokenFamily>;

export function parseStored<T extends z.ZodType>(schema: T, stored: string | null): z.infer<T> | null {
  if (stored === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
