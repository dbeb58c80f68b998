import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '#contracts';
import { AuthService } from './auth.service.js';
import { AuthorizationCodes } from './authorization-codes.js';
import { appRedirect, type MobileAuthorization } from './mobile-authorization.js';

/** Refusals of identity that mean "this person may not sign in": the app hears `access_denied` with the reason. */
const DENIALS = new Set<string>([ErrorCode.AccountUnknown, ErrorCode.AccountRevoked, ErrorCode.StudentAccessForbidden]);

/**
 * The end of the mobile app's sign-in at the provider: the same checks as the web (R-ACC-1, no students), then a
 * one-time code bound to the app's PKCE challenge and redirect URI, sent back to the app instead of a cookie.
 */
@Injectable()
export class MobileSignIn {
  constructor(
    private readonly auth: AuthService,
    private readonly codes: AuthorizationCodes,
  ) {}

  /** Where to send the browser: the app's redirect URI with a code, or with the refusal. */
  async complete(subject: string, authorization: MobileAuthorization, snils?: string): Promise<string> {
    const { redirectUri, state } = authorization;
    try {
      await this.auth.resolveAccount(subject, snils);
      const code = await this.codes.issue({ ...authorization, subject });
      return appRedirect(redirectUri, { code, state });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (DENIALS.has(error.code)) return appRedirect(redirectUri, { error: 'access_denied', error_description: error.message, state });
      if (error.code === ErrorCode.ServiceUnavailable) {
        return appRedirect(redirectUri, { error: 'temporarily_unavailable', error_description: error.message, state });
      }
      throw error;
    }
  }
}
