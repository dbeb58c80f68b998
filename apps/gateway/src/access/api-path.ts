export const API_PREFIX = '/api/v1';
/** The OneRoster 1.2 API for machine clients (R-REP-5), under the path the standard names. */
export const ONEROSTER_PREFIX = '/ims/oneroster';

/** Is this request path (or route path) part of the versioned API that needs an action? */
export function isApiPath(path: string): boolean {
  const normalized = `/${path.replace(/^\/+/, '')}`.split('?')[0] ?? '';
  return [API_PREFIX, ONEROSTER_PREFIX].some((prefix) => normalized === prefix || normalized.startsWith(`${prefix}/`));
}
