import { ApiSession } from './api-session.js';
import { CookieJar } from './cookie-jar.js';

export const AUTH_LOGIN_PATH = '/api/v1/auth/login';
export const AUTH_CALLBACK_PATH = '/api/v1/auth/callback';

export interface DevIdpUser {
  subject: string;
  password: string;
  name: string;
}

export interface SignInResult {
  /** The gateway's answer to the callback (a redirect when signed in, a problem when refused). */
  response: Response;
  jar: CookieJar;
}

/** Creates or replaces a person at the dev IdP through its admin API. */
export async function putDevIdpUser(idpUrl: string, adminToken: string, login: string, user: DevIdpUser): Promise<void> {
  const response = await fetch(new URL(`/dev/users/${encodeURIComponent(login)}`, idpUrl), {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (!response.ok) throw new Error(`The dev IdP refused user ${login}: ${response.status} ${await response.text()}`);
}

/**
 * Signs in the way a browser does: starts at the gateway's login route, follows every redirect by hand
 * (`redirect: 'manual'`) with a cookie jar, fills in the IdP's HTML form (`login`, `password`), and stops at the
 * gateway's answer to the callback. Throws when the IdP shows its form again (a wrong password).
 * `finishAt` sends the callback to another gateway replica (same deployment) than the one the login started at.
 */
export async function signInThroughDevIdp(
  gatewayUrl: string,
  login: string,
  password: string,
  { returnTo, finishAt }: { returnTo?: string; finishAt?: string } = {},
): Promise<SignInResult> {
  const jar = new CookieJar();
  let gatewayHost = new URL(gatewayUrl).host;
  let url = new URL(AUTH_LOGIN_PATH, gatewayUrl);
  if (returnTo !== undefined) url.searchParams.set('returnTo', returnTo);
  let init: RequestInit = { method: 'GET' };
  let formSent = false;

  for (let hop = 0; hop < 25; hop++) {
    const cookie = jar.headerFor(url);
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string> | undefined), ...(cookie ? { cookie } : {}) },
    });
    jar.storeFrom(url, response);
    const location = response.headers.get('location');
    const redirected = response.status >= 300 && response.status < 400 && location !== null;
    const atGateway = url.host === gatewayHost;
    if (atGateway && (url.pathname === AUTH_CALLBACK_PATH || !redirected)) return { response, jar };
    if (redirected) {
      url = new URL(location, url);
      if (finishAt && url.host === gatewayHost && url.pathname === AUTH_CALLBACK_PATH) {
        url = new URL(`${url.pathname}${url.search}`, finishAt);
        gatewayHost = url.host;
      }
      init = { method: 'GET' };
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*\baction="([^"]*)"/i.exec(html)?.[1];
    if (!action) throw new Error(`Unexpected answer ${response.status} from ${url.href}: ${html.slice(0, 300)}`);
    if (formSent) {
      const error = /role="alert">([^<]*)</.exec(html)?.[1] ?? `status ${response.status}`;
      throw new Error(`The dev IdP refused the sign-in of "${login}": ${error}`);
    }
    url = new URL(action.replaceAll('&amp;', '&'), url);
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login, password }).toString(),
    };
    formSent = true;
  }
  throw new Error(`Sign-in of "${login}" did not finish: too many redirects`);
}

/** Signs in through the dev IdP and returns a session that sends the cookie and the CSRF token. */
export async function loginThroughDevIdp(gatewayUrl: string, login: string, password: string): Promise<ApiSession> {
  const { response, jar } = await signInThroughDevIdp(gatewayUrl, login, password);
  if (response.status < 300 || response.status >= 400) {
    throw new Error(`The gateway refused the sign-in of "${login}": ${response.status} ${await response.text()}`);
  }
  const session = new ApiSession(gatewayUrl, jar);
  await session.refreshCsrfToken();
  return session;
}
