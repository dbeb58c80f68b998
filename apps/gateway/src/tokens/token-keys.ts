/** Redis keys of bearer tokens, under the deployment's `ej:<prefix>:` like every key of the gateway. */
export class TokenKeys {
  constructor(private readonly prefix: string) {}

  /** An access token (person or client) by the SHA-256 of the token. */
  accessToken(digest: string): string {
    return `ej:${this.prefix}:access-token:${digest}`;
  }

  /** A refresh token by its SHA-256: `active:<familyId>` until used once, then `rotated:<familyId>`. */
  refreshToken(digest: string): string {
    return `ej:${this.prefix}:refresh-token:${digest}`;
  }

  /** A token family: one mobile sign-in and every token rotated out of it. */
  family(familyId: string): string {
    return `ej:${this.prefix}:token-family:${familyId}`;
  }

  /** The Redis keys of every token of a family, so that the family ends at once. */
  familyTokens(familyId: string): string {
    return `ej:${this.prefix}:token-family-tokens:${familyId}`;
  }

  accountFamilies(accountId: string): string {
    return `ej:${this.prefix}:account-token-families:${accountId}`;
  }

  clientTokens(clientId: string): string {
    return `ej:${this.prefix}:client-tokens:${clientId}`;
  }

  authorizationCode(digest: string): string {
    return `ej:${this.prefix}:authorization-code:${digest}`;
  }
}
