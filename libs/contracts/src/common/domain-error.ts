import type { ErrorCode } from './error-code.js';
import type { RpcFailure } from './rpc-failure.js';

/** Thrown by services for an expected refusal; the RPC filter turns it into an RpcFailure. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toFailure(): RpcFailure {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
