import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { IdentityEvents } from '#contracts';
import { StatelessEventConsumer, StatelessEventHandlers } from '#platform';
import { SessionStore } from '../session/session.store.js';
import { TokenStore } from '../tokens/token-store.js';

const DURABLE = 'gateway-access-changes';

/**
 * R-ACC-4: when identity reports that an account's access changed (revoked, restored, other roles), every open web
 * session and every bearer and refresh token of the account ends at once; the person signs in again to get the
 * rights identity grants now. Ending twice is harmless, so the gateway needs no inbox.
 */
@Injectable()
export class AccessRevocation implements OnApplicationBootstrap {
  constructor(
    private readonly consumer: StatelessEventConsumer,
    private readonly sessions: SessionStore,
    private readonly tokens: TokenStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers = new StatelessEventHandlers().on(IdentityEvents.accessChanged, ({ accountId }) => this.endAccess(accountId));
    // Only what happens from now on matters: replaying old changes would end sessions started after them.
    await this.consumer.start(DURABLE, handlers, { deliver: 'new' });
  }

  async endAccess(accountId: string): Promise<void> {
    await Promise.all([this.sessions.destroyAccount(accountId), this.tokens.endAccount(accountId)]);
  }
}
