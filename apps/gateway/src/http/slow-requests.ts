/** A request slower than this is logged, so that an operator sees which routes are slow and how often. */
export const SLOW_REQUEST_MS = 2_000;

interface AnsweredRequest {
  method: string;
  id: unknown;
  routeOptions: { url?: string | undefined };
}

/**
 * The log line of a slow request: method, route pattern, status, time and request id — never the path's ids, the
 * query or who asked (personal data stays out of logs). Null for a request that was quick enough.
 */
export function slowRequestLine(request: AnsweredRequest, statusCode: number, elapsedMs: number): string | null {
  if (elapsedMs < SLOW_REQUEST_MS) return null;
  const route = request.routeOptions.url ?? 'unknown route';
  return `slow request: ${request.method} ${route} answered ${statusCode} in ${Math.round(elapsedMs)} ms (request ${String(request.id)})`;
}
