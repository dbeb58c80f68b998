interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  expiresAt: number | null;
}

/**
 * A small browser-like cookie jar for tests that walk real redirects with `fetch(..., { redirect: 'manual' })`:
 * cookies are kept per host and path (RFC 6265), and expired or deleted ones are dropped.
 */
export class CookieJar {
  private cookies: StoredCookie[] = [];

  /** Takes every Set-Cookie header of a response to a request for `url`. */
  storeFrom(url: string | URL, response: Response): void {
    for (const header of response.headers.getSetCookie()) this.setCookie(url, header);
  }

  setCookie(url: string | URL, header: string): void {
    const target = new URL(url);
    const [pair = '', ...attributes] = header.split(';');
    const separator = pair.indexOf('=');
    if (separator <= 0) return;
    const cookie: StoredCookie = {
      name: pair.slice(0, separator).trim(),
      value: pair.slice(separator + 1).trim(),
      domain: target.hostname,
      hostOnly: true,
      path: defaultPath(target.pathname),
      expiresAt: null,
    };
    for (const attribute of attributes) {
      const [rawKey = '', ...rest] = attribute.split('=');
      const key = rawKey.trim().toLowerCase();
      const value = rest.join('=').trim();
      if (key === 'path' && value.startsWith('/')) cookie.path = value;
      if (key === 'domain' && value) {
        cookie.domain = value.replace(/^\./, '').toLowerCase();
        cookie.hostOnly = false;
      }
      if (key === 'max-age' && /^-?\d+$/.test(value)) cookie.expiresAt = Date.now() + Number(value) * 1000;
      if (key === 'expires' && cookie.expiresAt === null) {
        const at = Date.parse(value);
        if (!Number.isNaN(at)) cookie.expiresAt = at;
      }
    }
    this.cookies = this.cookies.filter(
      (other) => !(other.name === cookie.name && other.domain === cookie.domain && other.path === cookie.path),
    );
    if (cookie.expiresAt === null || cookie.expiresAt > Date.now()) this.cookies.push(cookie);
  }

  /** The Cookie header a browser would send to `url`, or undefined when there is nothing to send. */
  headerFor(url: string | URL): string | undefined {
    const target = new URL(url);
    const now = Date.now();
    const matching = this.cookies
      .filter((cookie) => (cookie.expiresAt === null || cookie.expiresAt > now) && domainMatches(cookie, target.hostname))
      .filter((cookie) => pathMatches(cookie.path, target.pathname))
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length ? matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') : undefined;
  }

  get(url: string | URL, name: string): string | undefined {
    const target = new URL(url);
    return this.cookies.find(
      (cookie) => cookie.name === name && domainMatches(cookie, target.hostname) && pathMatches(cookie.path, target.pathname),
    )?.value;
  }

  /** Forgets one cookie, as when a user deletes it. */
  delete(name: string): void {
    this.cookies = this.cookies.filter((cookie) => cookie.name !== name);
  }
}

function defaultPath(requestPath: string): string {
  const lastSlash = requestPath.lastIndexOf('/');
  return lastSlash <= 0 ? '/' : requestPath.slice(0, lastSlash);
}

function domainMatches(cookie: StoredCookie, host: string): boolean {
  const hostname = host.toLowerCase();
  return cookie.hostOnly ? hostname === cookie.domain : hostname === cookie.domain || hostname.endsWith(`.${cookie.domain}`);
}

function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}
