import { randomBytes } from 'node:crypto';
import type { Configuration, OidcContext } from 'oidc-provider';
import type { DevIdpClient } from '../dev-idp-options.js';
import { errorPage } from '../interactions/login-page.js';
import type { UserDirectory } from '../users/user-directory.js';
import { generateSigningKey } from './signing-key.js';

const HOUR = 3_600;

/**
 * oidc-provider settings of the dev IdP: authorization code flow, claims `sub`, `name` and (for a user who has one)
 * `snils`, as ESIA gives it; no consent screen.
 */
export function providerConfiguration(clients: readonly DevIdpClient[], users: UserDirectory): Configuration {
  return {
    clients: clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [...client.redirectUris],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // Both client_secret_basic and client_secret_post are accepted for a client registered with a secret.
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    scopes: ['openid', 'profile'],
    claims: { openid: ['sub'], profile: ['name', 'snils'] },
    // The name and the SNILS go into the ID token too, so that relying parties need no userinfo call.
    conformIdTokenClaims: false,
    findAccount: async (_ctx, sub) => {
      const user = await users.findBySubject(sub);
      if (!user) return undefined;
      return {
        accountId: user.subject,
        claims: () => ({ sub: user.subject, name: user.name, ...(user.snils ? { snils: user.snils } : {}) }),
      };
    },
    loadExistingGrant: grantFirstParty,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [generateSigningKey()] },
    ttl: { AccessToken: HOUR, AuthorizationCode: 60, IdToken: HOUR, Interaction: HOUR, Session: 12 * HOUR, Grant: 12 * HOUR },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage('Ошибка входа', out.error_description ?? out.error ?? 'Неизвестная ошибка');
      return Promise.resolve();
    },
  };
}

/** Every registered client is first-party: its grant of `openid profile` is created without a consent screen. */
async function grantFirstParty(ctx: OidcContext): Promise<Awaited<ReturnType<Configuration['loadExistingGrant']>>> {
  const { provider, client, session, result } = ctx.oidc;
  const accountId = session?.accountId;
  if (!client || !accountId) return undefined;
  const existingId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const existing = existingId ? await provider.Grant.find(existingId) : undefined;
  if (existing) return existing;
  const grant = new provider.Grant({ accountId, clientId: client.clientId });
  grant.addOIDCScope('openid profile');
  await grant.save();
  return grant;
}
