import { Injectable } from '@nestjs/common';
import { type ApiClientScope, ApiClientsRpc, DomainError, ErrorCode, type ResolvedAccount } from '#contracts';
import { Clock, RpcClient } from '#platform';
import { newGatewaySession } from '../session/gateway-session.js';
import { TokenStore } from '../tokens/token-store.js';
import { AuthService } from './auth.service.js';
import { AuthorizationCodes } from './authorization-codes.js';
import { clientCredentialsOf } from './client-authentication.js';
import { GATEWAY_ACTOR } from './gateway-actor.js';
import { OAuthError } from './oauth-error.js';
import { pkceMatches } from './pkce.js';

/** The token endpoint's answer (RFC 6749 §5.1). */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token?: string;
  scope?: string;
}

/** Refusals of identity that mean the person may no longer sign in: their refresh ends the family. */
const ACCESS_ENDED = new Set<string>([ErrorCode.AccountUnknown, ErrorCode.AccountRevoked, ErrorCode.StudentAccessForbidden]);

/** Reads a form or JSON body of the token endpoint: string parameters only, each at most once. */
function parametersOf(body: unknown): Record<string, string> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new OAuthError('invalid_request', 'Ожидались параметры в теле запроса (form-urlencoded или JSON)');
  }
  const parameters: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value !== 'string') throw new OAuthError('invalid_request', `Параметр ${name} должен быть строкой и встречаться один раз`);
    parameters[name] = value;
  }
  return parameters;
}

function required(parameters: Record<string, string>, name: string): string {
  const value = parameters[name];
  if (!value) throw new OAuthError('invalid_request', `Не указан параметр ${name}`);
  return value;
}

/** The prefix of the OneRoster 1.2 scope URIs; our client scopes are their short names. */
const ONEROSTER_SCOPE_PREFIX = 'https://purl.imsglobal.org/spec/or/v1p2/scope/';

/**
 * The grants of POST /api/v1/auth/token: the mobile app's authorization code with PKCE, its rotating refresh token,
 * and a machine client's client credentials.
 */
@Injectable()
export class TokenGrants {
  constructor(
    private readonly codes: AuthorizationCodes,
    private readonly tokens: TokenStore,
    private readonly auth: AuthService,
    private readonly rpc: RpcClient,
    private readonly clock: Clock,
  ) {}

  grant(body: unknown, authorization: string | undefined): Promise<TokenResponse> {
    const parameters = parametersOf(body);
    switch (required(parameters, 'grant_type')) {
      case 'authorization_code':
        return this.authorizationCode(parameters);
      case 'refresh_token':
        return this.refreshToken(parameters);
      case 'client_credentials':
        return this.clientCredentials(parameters, authorization);
      default:
        throw new OAuthError('unsupported_grant_type', 'Поддерживаются authorization_code, refresh_token и client_credentials');
    }
  }

  /** RFC 6749 §4.1.3 with RFC 7636: the code once, from the app it was issued to, with the verifier of its challenge. */
  private async authorizationCode(parameters: Record<string, string>): Promise<TokenResponse> {
    const code = required(parameters, 'code');
    const clientId = required(parameters, 'client_id');
    const redirectUri = required(parameters, 'redirect_uri');
    const verifier = required(parameters, 'code_verifier');
    const grant = await this.codes.redeem(code);
    const matches =
      grant !== null && grant.clientId === clientId && grant.redirectUri === redirectUri && pkceMatches(verifier, grant.codeChallenge);
    if (!grant || !matches) throw new OAuthError('invalid_grant', 'Код входа недействителен, просрочен или уже использован');
    // Asked again: access revoked between the provider's callback and this exchange gets no tokens (R-ACC-4).
    const account = await this.currentAccount(grant.subject);
    const session = newGatewaySession(account, this.clock.now());
    const issued = await this.tokens.startFamily({ subject: grant.subject, clientId, session });
    return { access_token: issued.accessToken, token_type: 'Bearer', expires_in: issued.expiresIn, refresh_token: issued.refreshToken };
  }

  /**
   * RFC 6749 §6: a refresh token works once and is replaced; a used one presented again ends the family. Identity is
   * asked again, so a revoked account or changed roles take effect at the latest at the next refresh.
   */
  private async refreshToken(parameters: Record<string, string>): Promise<TokenResponse> {
    const token = required(parameters, 'refresh_token');
    const clientId = required(parameters, 'client_id');
    const found = await this.tokens.lookUpRefresh(token);
    if (found.kind !== 'active' || found.family.clientId !== clientId) {
      throw new OAuthError('invalid_grant', 'Токен обновления недействителен: войдите заново');
    }
    const account = await this.currentAccount(found.family.subject, () => this.tokens.endFamily(found.familyId));
    const { name, grants } = account;
    const family = { ...found.family, session: { ...found.family.session, name, grants } };
    const issued = await this.tokens.rotate(token, found.familyId, family);
    if (!issued) throw new OAuthError('invalid_grant', 'Токен обновления недействителен: войдите заново');
    return { access_token: issued.accessToken, token_type: 'Bearer', expires_in: issued.expiresIn, refresh_token: issued.refreshToken };
  }

  /** The account as identity sees it now; a person who may no longer sign in is invalid_grant (after `onEnded`). */
  private currentAccount(subject: string, onEnded: () => Promise<void> = () => Promise.resolve()): Promise<ResolvedAccount> {
    return this.auth.resolveAccount(subject).catch(async (error: unknown) => {
      if (!(error instanceof DomainError) || !ACCESS_ENDED.has(error.code)) throw error;
      await onEnded();
      throw new OAuthError('invalid_grant', error.message);
    });
  }

  /** RFC 6749 §4.4: a machine client's own token with its scopes (or fewer, as asked) and its schools. */
  private async clientCredentials(parameters: Record<string, string>, authorization: string | undefined): Promise<TokenResponse> {
    const credentials = clientCredentialsOf(authorization, parameters);
    const verified = await this.rpc
      .call(ApiClientsRpc.verify, { clientId: credentials.clientId, secret: credentials.secret }, { actor: GATEWAY_ACTOR })
      .catch((error: unknown) => {
        if (error instanceof DomainError && error.code === ErrorCode.Unauthenticated) {
          throw new OAuthError('invalid_client', error.message, credentials.method === 'basic' ? 'basic' : undefined);
        }
        throw error;
      });
    // OneRoster consumers ask for the scopes by their URIs (…/spec/or/v1p2/scope/gradebook.readonly): the same scopes.
    const requested = parameters.scope
      ?.split(' ')
      .filter(Boolean)
      .map((scope) => (scope.startsWith(ONEROSTER_SCOPE_PREFIX) ? scope.slice(ONEROSTER_SCOPE_PREFIX.length) : scope));
    if (requested?.some((scope) => !verified.scopes.includes(scope as ApiClientScope))) {
      throw new OAuthError('invalid_scope', 'Запрошены области доступа, не выданные клиенту');
    }
    const scopes = requested?.length ? verified.scopes.filter((scope) => requested.includes(scope)) : verified.scopes;
    const issued = await this.tokens.issueClientToken({ ...verified, scopes });
    return { access_token: issued.accessToken, token_type: 'Bearer', expires_in: issued.expiresIn, scope: scopes.join(' ') };
  }
}
