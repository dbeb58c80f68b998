export const API_PREFIX = '/api/v1';

/** Is this request path (or route path) part of the versioned API that needs an action? */
export function isApiPath(path: string): boolean {
  const normalized = `/${path.replace(/^\/+/, '')}`.split('?')[0] ?? '';
  return normalized === API_PREFIX || normalized.startsWith(`${API_PREFIX}/`);
}
