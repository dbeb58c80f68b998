import type { EntityManager } from 'typeorm';
import type { AccessChange, AccessLogEntry, Role } from '#contracts';
import { bulkInsert } from '#platform';
import { scopedQuery } from '../database/scoped-query.js';

/** One change of someone's access in one school (R-ACC-1, R-ACC-4): never personal data, never a subject. */
export interface AccessLogRow {
  schoolId: string;
  accountId: string | null;
  personId: string | null;
  change: AccessChange;
  role?: Role | null;
}

/** Who changed it and when: a person, or null for the system (a sign-in linked by SNILS). */
export interface LogAuthor {
  actorId: string | null;
  at: Date;
}

/** Appends rows to the access log in the caller's transaction; the table refuses updates and deletes. */
export async function appendAccessLog(manager: EntityManager, { actorId, at }: LogAuthor, rows: readonly AccessLogRow[]): Promise<void> {
  await bulkInsert<AccessLogRow>(
    manager,
    'access_log',
    [
      { name: 'at', type: 'timestamptz', value: () => at.toISOString() },
      { name: 'school_id', type: 'uuid', value: (row) => row.schoolId },
      { name: 'actor_id', type: 'uuid', value: () => actorId },
      { name: 'account_id', type: 'uuid', value: (row) => row.accountId },
      { name: 'person_id', type: 'uuid', value: (row) => row.personId },
      { name: 'change', type: 'text', value: (row) => row.change },
      { name: 'role', type: 'text', value: (row) => row.role ?? null },
    ],
    rows,
  );
}

interface AccessLogDbRow {
  id: string;
  at: Date;
  school_id: string;
  actor_id: string | null;
  actor_name: string | null;
  account_id: string | null;
  person_id: string | null;
  person_name: string | null;
  change: AccessChange;
  role: Role | null;
}

const FULL_NAME = (alias: string) => `concat_ws(' ', ${alias}.last_name, ${alias}.first_name, ${alias}.middle_name)`;

/** A page of the school's access log, newest first. */
export async function readAccessLog(
  manager: Pick<EntityManager, 'query'>,
  schoolId: string,
  limit: number,
  before: string | undefined,
): Promise<{ entries: AccessLogEntry[]; next: string | null }> {
  const rows = await scopedQuery<AccessLogDbRow>(
    manager,
    `SELECT l.id::text AS id, l.at, l.school_id, l.actor_id, ${FULL_NAME('actor')} AS actor_name, l.account_id, l.person_id,
            ${FULL_NAME('p')} AS person_name, l.change, l.role
       FROM access_log l
       LEFT JOIN person actor ON actor.id = l.actor_id
       LEFT JOIN person p ON p.id = l.person_id
      WHERE l.school_id = $1 AND ($2::bigint IS NULL OR l.id < $2::bigint)
      ORDER BY l.id DESC
      LIMIT $3`,
    [schoolId, before ?? null, limit + 1],
  );
  const page = rows.slice(0, limit);
  return {
    entries: page.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      schoolId: row.school_id,
      actorId: row.actor_id,
      actorName: row.actor_id === null ? null : row.actor_name,
      accountId: row.account_id,
      personId: row.person_id,
      personName: row.person_id === null ? null : row.person_name,
      change: row.change,
      role: row.role,
    })),
    next: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
