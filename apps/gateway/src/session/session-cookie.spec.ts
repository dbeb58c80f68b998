import { describe, expect, it } from '@jest/globals';
import { gatewayConfigFromEnv } from '../config/gateway-env.js';
import { sessionCookieOptions } from './session-cookie.js';

const ENV = { OIDC_CLIENT_SECRET: 'secret' };

describe('the session cookie of the web', () => {
  it('is HttpOnly, SameSite=Lax, for the whole site, and Secure unless configured for development', () => {
    expect(sessionCookieOptions(gatewayConfigFromEnv(ENV).cookieSecure)).toEqual({ httpOnly: true, sameSite: 'lax', secure: true, path: '/' });
  });

  it('drops Secure only when COOKIE_SECURE=false (local development over plain HTTP)', () => {
    const config = gatewayConfigFromEnv({ ...ENV, COOKIE_SECURE: 'false' });
    expect(sessionCookieOptions(config.cookieSecure)).toEqual({ httpOnly: true, sameSite: 'lax', secure: false, path: '/' });
  });
});
