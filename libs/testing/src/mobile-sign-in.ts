import { createHash, randomBytes } from 'node:crypto';
import { CookieJar } from './cookie-jar.js';

export const AUTH_AUTHORIZE_PATH = '/api/v1/auth/authorize';
export const AUTH_TOKEN_PATH = '/api/v1/auth/token';
export const AUTH_REVOKE_PATH = '/api/v1/auth/revoke';

export interface PkcePair {
  verifier: string;
  challenge: string;
}

/** A fresh PKCE verifier and its S256 challenge (RFC 7636), as a mobile app makes them for each sign-in. */
export function pkcePair(): PkcePair {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface MobileAuthorizeRequest {
  clientId: string;
  redirectUri: string;
  challenge: string;
  state?: string;
  /** Overrides of the query parameters, to send a faulty request. */
  query?: Record<string, string>;
}

export interface MobileSignInResult {
  /** The gateway's last answer: a redirect to the app (with code or error), or a problem. */
  response: Response;
  /** Where the gateway sent the browser back to the app, if it did. */
  appRedirect: URL | undefined;
}

/**
 * Signs in the way the mobile app's in-app browser does: opens the gateway's authorize route, follows every redirect
 * by hand with a cookie jar, fills in the dev IdP's form, and stops when the gateway answers with a redirect to a
 * non-HTTP (app) address or with anything that is not a redirect.
 */
export async function signInMobileThroughDevIdp(
  gatewayUrl: string,
  login: string,
  password: string,
  request: MobileAuthorizeRequest,
): Promise<MobileSignInResult> {
  const jar = new CookieJar();
  let url = new URL(AUTH_AUTHORIZE_PATH, gatewayUrl);
  const query = {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
    ...(request.state === undefined ? {} : { state: request.state }),
    ...request.query,
  };
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
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
    if (response.status >= 300 && response.status < 400 && location !== null) {
      const next = new URL(location, url);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return { response, appRedirect: next };
      url = next;
      init = { method: 'GET' };
      continue;
    }
    if (url.host === new URL(gatewayUrl).host) return { response, appRedirect: undefined };
    const html = await response.text();
    const action = /<form[^>]*\baction="([^"]*)"/i.exec(html)?.[1];
    if (!action || formSent) throw new Error(`Unexpected answer ${response.status} from ${url.href}: ${html.slice(0, 300)}`);
    url = new URL(action.replaceAll('&amp;', '&'), url);
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login, password }).toString(),
    };
    formSent = true;
  }
  throw new Error(`Mobile sign-in of "${login}" did not finish: too many redirects`);
}

export interface MobileTokens {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
}

/** The app's whole sign-in: a PKCE pair, the provider's form, the code at the app's address, the tokens. */
export async function mobileTokensThroughDevIdp(
  gatewayUrl: string,
  login: string,
  password: string,
  app: { clientId: string; redirectUri: string },
): Promise<MobileTokens> {
  const { verifier, challenge } = pkcePair();
  const { appRedirect } = await signInMobileThroughDevIdp(gatewayUrl, login, password, { ...app, challenge });
  const code = appRedirect?.searchParams.get('code');
  if (!code) throw new Error(`The gateway sent "${login}" back to the app without a code: ${appRedirect?.href}`);
  const response = await postForm(gatewayUrl, AUTH_TOKEN_PATH, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    client_id: app.clientId,
    redirect_uri: app.redirectUri,
  });
  if (response.status !== 200) throw new Error(`The token endpoint answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as MobileTokens;
}

/** Posts a form to the gateway's token or revocation endpoint, as OAuth clients do. */
export function postForm(gatewayUrl: string, path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL(path, gatewayUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}
