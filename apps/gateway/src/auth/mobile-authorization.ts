import { z } from 'zod';
import { DomainError, ErrorCode } from '#contracts';
import type { TokenSettings } from '../config/gateway-config.js';
import { S256_CHALLENGE } from './pkce.js';

/** The mobile app's authorization request, carried through the provider's login in the OIDC state (Redis). */
export const MobileAuthorization = z.object({
  clientId: z.string().min(1),
  redirectUri: z.string().min(1),
  state: z.string().optional(),
  codeChallenge: z.string().regex(S256_CHALLENGE),
});
export type MobileAuthorization = z.infer<typeof MobileAuthorization>;

export type AuthorizeDecision = { kind: 'sign-in'; authorization: MobileAuthorization } | { kind: 'back-to-app'; url: string };

const MAX_STATE_LENGTH = 1_000;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The app's redirect URI with the parameters of the answer (RFC 6749 §4.1.2). */
export function appRedirect(redirectUri: string, parameters: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

/**
 * Checks an authorization request of the mobile app (RFC 6749 §4.1.1 with RFC 7636 PKCE, S256 only). An unknown
 * client or redirect URI is refused here (never redirected to); any other fault goes back to the app as an error.
 */
export function checkAuthorizeRequest(query: Record<string, unknown>, settings: TokenSettings): AuthorizeDecision {
  const clientId = text(query.client_id);
  const redirectUri = text(query.redirect_uri);
  if (clientId !== settings.mobileClientId || !redirectUri || !settings.mobileRedirectUris.includes(redirectUri)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Неизвестное приложение или адрес возврата');
  }
  const state = text(query.state);
  const back = (error: string, description: string): AuthorizeDecision => ({
    kind: 'back-to-app',
    url: appRedirect(redirectUri, { error, error_description: description, state }),
  });
  if (state !== undefined && state.length > MAX_STATE_LENGTH) return back('invalid_request', 'Слишком длинный параметр state');
  if (query.response_type !== 'code') return back('unsupported_response_type', 'Поддерживается только response_type=code');
  const codeChallenge = text(query.code_challenge);
  if (!codeChallenge || !S256_CHALLENGE.test(codeChallenge)) return back('invalid_request', 'Нужен code_challenge (PKCE)');
  if (query.code_challenge_method !== 'S256') return back('invalid_request', 'Поддерживается только code_challenge_method=S256');
  return { kind: 'sign-in', authorization: { clientId, redirectUri, codeChallenge, ...(state === undefined ? {} : { state }) } };
}
