import type { FastifyRequest } from 'fastify';
import type { Strategy } from 'passport-openidconnect';

export type StrategyOutcome =
  | { kind: 'redirect'; url: string }
  | { kind: 'success'; user: unknown; info: unknown }
  | { kind: 'fail'; challenge: unknown }
  | { kind: 'error'; error: unknown };

interface StrategyActions {
  redirect(url: string, status?: number): void;
  success(user: unknown, info?: unknown): void;
  fail(challenge?: unknown, status?: number): void;
  error(error: unknown): void;
  pass(): void;
}

/**
 * A thin Fastify adapter for a Passport strategy: runs `authenticate` with the actions Passport's middleware would
 * attach, and returns what the strategy decided. (@nestjs/passport's guard cannot redirect on Fastify, nest#5702.)
 */
export function runStrategy(
  strategy: Strategy,
  request: FastifyRequest,
  options: Record<string, unknown>,
  timeoutMs = 15_000,
): Promise<StrategyOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: StrategyOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ kind: 'error', error: new Error('OIDC provider did not answer in time') }), timeoutMs);
    const attempt = Object.create(strategy) as Strategy & StrategyActions;
    attempt.redirect = (url) => settle({ kind: 'redirect', url });
    attempt.success = (user, info) => settle({ kind: 'success', user, info });
    attempt.fail = (challenge) => settle({ kind: 'fail', challenge });
    attempt.error = (error) => settle({ kind: 'error', error });
    attempt.pass = () => settle({ kind: 'fail', challenge: 'pass' });
    const expressLike = { query: request.query, headers: request.headers, url: request.url, method: request.method };
    try {
      attempt.authenticate(expressLike, options);
    } catch (error) {
      settle({ kind: 'error', error });
    }
  });
}
