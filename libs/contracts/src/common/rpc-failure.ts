import type { ErrorCode } from './error-code.js';

/** The shape in which an error crosses NATS: a stable code, a Russian message for people, optional details. */
export interface RpcFailure {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export function isRpcFailure(value: unknown): value is RpcFailure {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RpcFailure).code === 'string' &&
    typeof (value as RpcFailure).message === 'string'
  );
}
