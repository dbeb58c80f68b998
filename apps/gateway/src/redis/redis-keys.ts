/** Every Redis key of one deployment starts with `ej:<prefix>:`, so deployments (and tests) can share a Redis. */
export class RedisKeys {
  constructor(private readonly prefix: string) {}

  session(tokenDigest: string): string {
    return `ej:${this.prefix}:session:${tokenDigest}`;
  }

  accountSessions(accountId: string): string {
    return `ej:${this.prefix}:account-sessions:${accountId}`;
  }

  oidcState(handleDigest: string): string {
    return `ej:${this.prefix}:oidc-state:${handleDigest}`;
  }

  /** The claim or kept answer of an `Idempotency-Key` of one caller (an account or a machine client). */
  idempotency(caller: string, key: string): string {
    return `ej:${this.prefix}:idempotency:${caller}:${key}`;
  }
}
