import type { CookieSerializeOptions } from '@fastify/cookie';

export const SESSION_COOKIE = 'ej_session';

/** The session cookie: never readable by scripts, sent on same-site navigation, Secure outside local development. */
export function sessionCookieOptions(secure: boolean): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/' };
}
