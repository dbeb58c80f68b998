import { hashPassword, verifyPassword } from './password-hash.js';
import type { RedisConnection } from './redis-connection.js';

export interface DevUser {
  subject: string;
  name: string;
  /** The SNILS the provider vouches for, as ESIA does (the `snils` claim); optional. */
  snils?: string;
}

export interface DevUserInput extends DevUser {
  password: string;
}

export class SubjectTakenError extends Error {}

/**
 * The people who can sign in at the dev IdP, kept in Redis: one hash per login (subject, scrypt password hash, name)
 * and an index from subject to login for the token endpoint.
 */
export class UserDirectory {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keyPrefix: string,
  ) {}

  /** Creates or replaces a user; repeating the same call changes nothing. */
  async put(login: string, input: DevUserInput): Promise<DevUser> {
    const userKey = this.userKey(login);
    const [existing, subjectOwner] = await Promise.all([
      this.redis.hGetAll(userKey),
      this.redis.get(this.subjectKey(input.subject)),
    ]);
    if (subjectOwner !== null && subjectOwner !== normalizeLogin(login)) {
      throw new SubjectTakenError(`Subject already belongs to another login`);
    }
    const keepHash = existing.passwordHash !== undefined && (await verifyPassword(input.password, existing.passwordHash));
    const passwordHash = keepHash && existing.passwordHash ? existing.passwordHash : await hashPassword(input.password);
    const transaction = this.redis.multi();
    if (existing.subject !== undefined && existing.subject !== input.subject) transaction.del(this.subjectKey(existing.subject));
    transaction.hSet(userKey, { subject: input.subject, name: input.name, passwordHash, ...(input.snils ? { snils: input.snils } : {}) });
    if (!input.snils) transaction.hDel(userKey, 'snils');
    transaction.set(this.subjectKey(input.subject), normalizeLogin(login));
    await transaction.exec();
    return userOf({ subject: input.subject, name: input.name, snils: input.snils });
  }

  /** The user behind a login and password, or null when either is wrong. */
  async authenticate(login: string, password: string): Promise<DevUser | null> {
    const stored = await this.redis.hGetAll(this.userKey(login));
    if (!stored.subject || !stored.passwordHash || !(await verifyPassword(password, stored.passwordHash))) return null;
    return userOf({ subject: stored.subject, name: stored.name ?? '', snils: stored.snils });
  }

  async findBySubject(subject: string): Promise<DevUser | null> {
    const login = await this.redis.get(this.subjectKey(subject));
    if (login === null) return null;
    const stored = await this.redis.hGetAll(this.userKey(login));
    return stored.subject === subject ? userOf({ subject, name: stored.name ?? '', snils: stored.snils }) : null;
  }

  private userKey(login: string): string {
    return `ej:${this.keyPrefix}:dev-idp:user:${normalizeLogin(login)}`;
  }

  private subjectKey(subject: string): string {
    return `ej:${this.keyPrefix}:dev-idp:subject:${subject}`;
  }
}

function userOf({ subject, name, snils }: { subject: string; name: string; snils: string | undefined }): DevUser {
  return snils ? { subject, name, snils } : { subject, name };
}

function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}
