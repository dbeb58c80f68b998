import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RateLimits } from '../rate-limit/rate-limits.js';
import { TokenStore } from '../tokens/token-store.js';
import type { GatewaySession, SignedInSession } from './gateway-session.js';
import type { Principal } from './principal.js';
import { SESSION_COOKIE } from './session-cookie.js';
import { SessionStore } from './session.store.js';

const BEARER = /^Bearer +([\w-]+)\s*$/i;

/**
 * The one place that turns a request into its caller: an `Authorization: Bearer` token (the mobile app's person token
 * or a machine client's token) or else the session cookie. The caller found is charged against their rate limit.
 * A request with an Authorization header that is not a live bearer token is nobody: it never falls back to a cookie.
 */
@Injectable()
export class RequestPrincipals {
  constructor(
    private readonly sessions: SessionStore,
    private readonly tokens: TokenStore,
    private readonly rateLimits: RateLimits,
  ) {}

  async resolve(request: FastifyRequest): Promise<Principal | null> {
    const principal = await this.identify(request);
    if (principal) await this.rateLimits.chargePrincipal(principal);
    return principal;
  }

  private async identify(request: FastifyRequest): Promise<Principal | null> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) return this.fromBearer(authorization);
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await this.sessions.find(token) : null;
    return token && session ? personOf({ via: 'cookie', token, session }) : null;
  }

  private async fromBearer(authorization: string): Promise<Principal | null> {
    const token = BEARER.exec(authorization)?.[1];
    const record = token ? await this.tokens.findAccess(token) : null;
    if (!token || !record) return null;
    if (record.kind === 'person') return personOf({ via: 'bearer', token, session: record.session });
    const { clientId, scopes, schoolIds } = record;
    return { kind: 'client', actor: { kind: 'client', clientId, scopes, schoolIds }, token };
  }
}

function personOf(signedIn: SignedInSession): Principal {
  const { accountId, personId, grants }: GatewaySession = signedIn.session;
  return { kind: 'person', actor: { kind: 'person', accountId, personId, grants }, signedIn };
}
