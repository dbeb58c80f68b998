import type { EntityManager } from 'typeorm';
import type { AdminAccount, RoleGrant } from '#contracts';
import { scopedQuery } from '../database/scoped-query.js';
import { byName } from '../people/by-name.js';

interface AdminAccountRow {
  id: string;
  person_id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  school_id: string | null;
  status: 'active' | 'revoked';
  subject_linked: boolean;
  awaiting_snils_match: boolean;
  grants: RoleGrant[];
}

const ADMIN_ACCOUNT_SQL = `
  SELECT a.id, a.person_id, p.last_name, p.first_name, p.middle_name, a.school_id, a.status,
         a.subject IS NOT NULL AS subject_linked,
         (a.subject IS NULL AND a.status = 'active' AND COALESCE(s.snils_matching, false)) AS awaiting_snils_match,
         COALESCE((SELECT json_agg(json_build_object('role', g.role, 'schoolId', g.school_id) ORDER BY g.school_id, g.role)
                     FROM role_grant g WHERE g.account_id = a.id), '[]') AS grants
    FROM account a
    JOIN person p ON p.id = a.person_id
    LEFT JOIN school s ON s.id = a.school_id`;

function toAdminAccount(row: AdminAccountRow): AdminAccount {
  return {
    id: row.id,
    personId: row.person_id,
    name: { lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name },
    schoolId: row.school_id,
    status: row.status,
    subjectLinked: row.subject_linked,
    awaitingSnilsMatch: row.awaiting_snils_match,
    grants: row.grants,
  };
}

export async function adminAccount(manager: Pick<EntityManager, 'query'>, accountId: string): Promise<AdminAccount | null> {
  const [row] = await scopedQuery<AdminAccountRow>(manager, `${ADMIN_ACCOUNT_SQL} WHERE a.id = $1`, [accountId]);
  return row ? toAdminAccount(row) : null;
}

/** The accounts created in the school or holding a role there, by name. */
export async function adminAccountsOfSchool(manager: Pick<EntityManager, 'query'>, schoolId: string): Promise<AdminAccount[]> {
  const rows = await scopedQuery<AdminAccountRow>(
    manager,
    `${ADMIN_ACCOUNT_SQL}
      WHERE a.school_id = $1 OR EXISTS (SELECT 1 FROM role_grant g WHERE g.account_id = a.id AND g.school_id = $1)`,
    [schoolId],
  );
  return rows
    .map(toAdminAccount)
    .sort((a, b) => byName({ id: a.id, ...a.name }, { id: b.id, ...b.name }));
}

/** The schools of an account: the one it was created in and those of its roles. */
export function schoolsOfAccount(account: AdminAccount): string[] {
  return [...new Set([...(account.schoolId ? [account.schoolId] : []), ...account.grants.map((grant) => grant.schoolId)])];
}
