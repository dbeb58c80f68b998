import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, IdentityRpc, type ResolvedAccount } from '#contracts';
import { RpcClient } from '#platform';
import { isStudent } from '../access/access.guard.js';
import type { SignedInSession } from '../session/gateway-session.js';
import { SessionStore } from '../session/session.store.js';
import { TokenStore } from '../tokens/token-store.js';
import { GATEWAY_ACTOR } from './gateway-actor.js';

/** Turns a provider's subject into a session: only for a known, active, non-student account (R-ACC-1). */
@Injectable()
export class AuthService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionStore,
    private readonly tokens: TokenStore,
  ) {}

  /** The account of a subject as identity sees it now; the same refusals for the web, the app and a refresh. */
  async resolveAccount(subject: string, snils?: string): Promise<ResolvedAccount> {
    // ACCOUNT_UNKNOWN and ACCOUNT_REVOKED from identity become a clear 403, never an empty journal. The provider's
    // SNILS lets identity link a first sign-in to the account awaiting it (R-ACC-1).
    const request = { subject, ...(snils ? { snils } : {}) };
    const account = await this.rpc.call(IdentityRpc.resolveSubject, request, { actor: GATEWAY_ACTOR });
    if (isStudent(account)) {
      throw new DomainError(ErrorCode.StudentAccessForbidden, 'Обучающимся доступ к электронному журналу запрещён');
    }
    return account;
  }

  async signIn(subject: string, snils?: string): Promise<SignedInSession> {
    return this.sessions.create(await this.resolveAccount(subject, snils));
  }

  /** Ends the web session, or the whole token family of the app's bearer token. */
  async signOut({ via, token, session }: SignedInSession): Promise<void> {
    if (via === 'bearer') return this.tokens.revoke(token);
    return this.sessions.destroy(token, session.accountId);
  }
}
