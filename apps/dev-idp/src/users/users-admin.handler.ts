import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBody, sendJson } from '../http/http-io.js';
import { SubjectTakenError, type UserDirectory } from './user-directory.js';

const USER_PATH = /^\/dev\/users\/([^/]+)$/;

const UserBody = z.object({
  subject: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
  name: z.string().min(1).max(300),
  /** The SNILS the provider gives in the `snils` claim, as ESIA does (first sign-in linked by SNILS, R-ACC-1). */
  snils: z.string().regex(/^[\d -]{11,14}$/).optional(),
});

/** `PUT /dev/users/:login` with the admin bearer token: how loaders and tests create people at the dev IdP. */
export class UsersAdminHandler {
  private readonly adminTokenDigest: Buffer;

  constructor(
    private readonly users: UserDirectory,
    adminToken: string,
  ) {
    this.adminTokenDigest = digest(adminToken);
  }

  matches(path: string): boolean {
    return USER_PATH.test(path);
  }

  async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (request.method !== 'PUT') {
      response.setHeader('allow', 'PUT');
      return sendJson(response, 405, { error: 'method_not_allowed' });
    }
    if (!this.isAdmin(request.headers.authorization)) {
      response.setHeader('www-authenticate', 'Bearer');
      return sendJson(response, 401, { error: 'unauthorized' });
    }
    const login = decodeURIComponent(USER_PATH.exec(path)?.[1] ?? '').trim();
    const parsed = UserBody.safeParse(parseJson(await readBody(request)));
    if (!login || !parsed.success) {
      return sendJson(response, 400, { error: 'invalid_request', issues: parsed.error?.issues.map((i) => i.message) ?? [] });
    }
    try {
      const user = await this.users.put(login, parsed.data);
      sendJson(response, 200, { login, ...user });
    } catch (error) {
      if (error instanceof SubjectTakenError) return sendJson(response, 409, { error: 'subject_taken' });
      throw error;
    }
  }

  private isAdmin(authorization: string | undefined): boolean {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    return token !== undefined && timingSafeEqual(digest(token), this.adminTokenDigest);
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
