import { z } from 'zod';
import { Id } from '../common/ids.js';
import { defineRpc } from '../common/rpc-definition.js';

/**
 * OAuth2 scopes of machine clients: OneRoster 1.2's (the municipal portal reads rosters and results) and the journal's
 * own for the municipal performance report and attendance feed.
 */
export const ApiClientScope = z.enum([
  'roster.readonly',
  'roster-core.readonly',
  'gradebook.readonly',
  'performance.readonly',
  'attendance.readonly',
]);
export type ApiClientScope = z.infer<typeof ApiClientScope>;

/** A machine client (the municipal portal) created by an administrator, limited to its scopes and schools. */
export const ApiClient = z
  .object({
    id: Id,
    name: z.string(),
    scopes: z.array(ApiClientScope),
    schoolIds: z.array(Id),
    status: z.enum(['active', 'revoked']),
    createdAt: z.iso.datetime({ offset: true }),
    revokedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'ApiClient' });
export type ApiClient = z.infer<typeof ApiClient>;

export const NewApiClient = z
  .object({
    name: z.string().trim().min(1).max(200),
    scopes: z.array(ApiClientScope).min(1),
    schoolIds: z.array(Id).min(1).max(1_000),
  })
  .meta({ id: 'NewApiClient' });

/** What creating a client answers: the secret is shown this once and never stored in the clear. */
export const CreatedApiClient = z
  .object({ client: ApiClient, secret: z.string().meta({ description: 'Секрет клиента: показывается один раз' }) })
  .meta({ id: 'CreatedApiClient' });
export type CreatedApiClient = z.infer<typeof CreatedApiClient>;

/** What a verified client may do: the gateway puts it into the client's access token. */
export interface VerifiedApiClient {
  clientId: string;
  scopes: ApiClientScope[];
  schoolIds: string[];
}

/** Request/reply subjects of identity's API clients (OAuth2 client credentials for machine clients). */
export const ApiClientsRpc = {
  /** A system administrator or IS coordinator creates a client for schools they administer. */
  create: defineRpc<CreatedApiClient>()('identity.api-clients.create', NewApiClient),
  /** The clients of the schools the calling administrator administers. */
  list: defineRpc<{ clients: ApiClient[] }>()('identity.api-clients.list', z.object({})),
  /** Revokes a client at once; revoking twice changes nothing. */
  revoke: defineRpc<ApiClient>()('identity.api-clients.revoke', z.object({ clientId: Id })),
  /** The gateway checks a client's secret (system actor); UNAUTHENTICATED for an unknown, revoked or wrong one. */
  verify: defineRpc<VerifiedApiClient>()(
    'identity.api-clients.verify',
    z.object({ clientId: Id, secret: z.string().min(1).max(200) }),
  ),
} as const;
