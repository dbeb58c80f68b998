import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '#contracts';
import { scopedQuery } from '../database/scoped-query.js';

/** A page or a lesson goes only to a teacher of the page's school with an active account (R-ACC-3). */
export async function assertTeachesAt(manager: EntityManager, teacherId: string, schoolId: string): Promise<void> {
  const [row] = await scopedQuery<{ teaches: boolean }>(
    manager,
    `SELECT EXISTS (SELECT 1 FROM account a JOIN role_grant g ON g.account_id = a.id
                     WHERE a.person_id = $1 AND a.status = 'active' AND g.school_id = $2 AND g.role = 'teacher') AS teaches`,
    [teacherId, schoolId],
  );
  if (!row?.teaches) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Этот человек не работает учителем в школе страницы журнала', { teacherId });
  }
}
