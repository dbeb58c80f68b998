/** RFC 6749 §5.2 error codes of the token endpoint. */
export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_scope';

/**
 * A refusal of the token endpoint, answered as OAuth 2.0 clients (AppAuth and the like) expect it:
 * `{error, error_description}` with 400, or 401 for a client that failed to authenticate.
 */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    description: string,
    /** How the client tried to authenticate: a failed Basic authentication is answered with a Basic challenge. */
    readonly challenge?: 'basic',
  ) {
    super(description);
    this.name = 'OAuthError';
  }

  get status(): number {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}
