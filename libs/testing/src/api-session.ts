import { CookieJar } from './cookie-jar.js';

export interface ApiRequestOptions {
  /** Sent as JSON, except a string or bytes (a file), which are sent as they are. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the session's CSRF token on writes (default true); false to prove a write without it is refused. */
  csrf?: boolean;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A signed-in client of the gateway: its cookies, and the CSRF token it sends on every write. */
export class ApiSession {
  csrfToken: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly jar: CookieJar = new CookieJar(),
  ) {}

  get(path: string, options?: Omit<ApiRequestOptions, 'body'>): Promise<Response> {
    return this.request('GET', path, options);
  }

  post(path: string, body?: unknown, options?: ApiRequestOptions): Promise<Response> {
    return this.request('POST', path, { ...options, body });
  }

  put(path: string, body?: unknown, options?: ApiRequestOptions): Promise<Response> {
    return this.request('PUT', path, { ...options, body });
  }

  patch(path: string, body?: unknown, options?: ApiRequestOptions): Promise<Response> {
    return this.request('PATCH', path, { ...options, body });
  }

  delete(path: string, options?: ApiRequestOptions): Promise<Response> {
    return this.request('DELETE', path, options);
  }

  async request(method: string, path: string, { body, headers = {}, csrf = true }: ApiRequestOptions = {}): Promise<Response> {
    const url = new URL(path, this.baseUrl);
    const sent: Record<string, string> = { ...headers };
    const cookie = this.jar.headerFor(url);
    if (cookie) sent.cookie = cookie;
    if (body !== undefined) sent['content-type'] ??= 'application/json';
    if (csrf && WRITE_METHODS.has(method) && this.csrfToken) sent['x-csrf-token'] = this.csrfToken;
    const response = await fetch(url, {
      method,
      headers: sent,
      redirect: 'manual',
      ...(body === undefined ? {} : { body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body) }),
    });
    this.jar.storeFrom(url, response);
    return response;
  }

  /** Reads the CSRF token of the session from `GET /api/v1/me`. */
  async refreshCsrfToken(): Promise<string> {
    const response = await this.get('/api/v1/me');
    if (response.status !== 200) throw new Error(`GET /api/v1/me answered ${response.status}: ${await response.text()}`);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    this.csrfToken = csrfToken;
    return csrfToken;
  }
}
