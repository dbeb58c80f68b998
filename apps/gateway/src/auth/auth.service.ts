import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, IdentityRpc } from '#contracts';
import { RpcClient } from '#platform';
import { isStudent } from '../access/access.guard.js';
import type { SignedInSession } from '../session/gateway-session.js';
import { SessionStore } from '../session/session.store.js';

const GATEWAY_ACTOR: Actor = { kind: 'system', name: 'gateway' };

/** Turns a provider's subject into a session: only for a known, active, non-student account (R-ACC-1). */
@Injectable()
export class AuthService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionStore,
  ) {}

  async signIn(subject: string): Promise<SignedInSession> {
    // ACCOUNT_UNKNOWN and ACCOUNT_REVOKED from identity become a clear 403, never an empty journal.
    const account = await this.rpc.call(IdentityRpc.resolveSubject, { subject }, { actor: GATEWAY_ACTOR });
    if (isStudent(account)) {
      throw new DomainError(ErrorCode.StudentAccessForbidden, 'Обучающимся доступ к электронному журналу запрещён');
    }
    return this.sessions.create(account);
  }

  signOut({ token, session }: SignedInSession): Promise<void> {
    return this.sessions.destroy(token, session.accountId);
  }
}
