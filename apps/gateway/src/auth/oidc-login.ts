import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Strategy } from 'passport-openidconnect';
import { z } from 'zod';
import { DomainError, ErrorCode } from '#contracts';
import { MobileAuthorization } from './mobile-authorization.js';
import { OIDC_STRATEGY, type OidcUser } from './oidc-strategy.factory.js';
import { runStrategy } from './strategy-runner.js';

/** What travels through the provider's login in the OIDC state: where the web goes back, or the app's request. */
export const LoginState = z.object({ returnTo: z.string().optional(), mobile: MobileAuthorization.optional() });
export type LoginState = z.infer<typeof LoginState>;

export interface FinishedLogin extends LoginState {
  subject: string;
  /** The provider's SNILS claim, for the first sign-in only (never logged, never kept in the state). */
  snils?: string;
}

/** The two halves of an OIDC login: the redirect to the provider, and the callback with the code. */
@Injectable()
export class OidcLogin {
  private readonly logger = new Logger(OidcLogin.name);

  constructor(@Inject(OIDC_STRATEGY) private readonly strategy: Strategy) {}

  /** The provider's authorization URL; the login state travels in the OIDC state kept in Redis. */
  async begin(request: FastifyRequest, state: LoginState): Promise<string> {
    // School computers are shared: every sign-in asks the provider for the password again (prompt=login), so signing
    // out of the journal never leaves the next person signed in as the previous one through the provider's session.
    const outcome = await runStrategy(this.strategy, request, { state, prompt: 'login' });
    if (outcome.kind === 'redirect') return outcome.url;
    this.logger.error(`OIDC login could not start: ${outcome.kind === 'error' ? String(outcome.error) : outcome.kind}`);
    throw new DomainError(ErrorCode.ServiceUnavailable, 'Сервис входа временно недоступен, повторите попытку позже');
  }

  /** Exchanges the code for the ID token and returns the subject; a stale or forged callback is refused. */
  async finish(request: FastifyRequest): Promise<FinishedLogin> {
    const outcome = await runStrategy(this.strategy, request, {});
    switch (outcome.kind) {
      case 'success': {
        const { subject, snils } = outcome.user as OidcUser;
        const state = LoginState.safeParse((outcome.info as { state?: unknown } | undefined)?.state);
        return { subject, ...(snils ? { snils } : {}), ...(state.success ? state.data : {}) };
      }
      case 'error':
        if (isProviderRefusal(outcome.error)) break;
        this.logger.error(`OIDC callback failed: ${String(outcome.error)}`);
        throw new DomainError(ErrorCode.ServiceUnavailable, 'Сервис входа временно недоступен, повторите попытку позже');
      case 'fail':
      case 'redirect':
        break;
    }
    throw new DomainError(ErrorCode.Unauthenticated, 'Вход не завершён: начните вход заново');
  }
}

function isProviderRefusal(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TokenError' || name === 'AuthorizationError';
}
