import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normalizeSnils } from '#contracts';
import { Clock } from '#platform';
import { appendAccessLog } from '../access-log/access-log.js';
import { scopedQuery } from '../database/scoped-query.js';

interface AwaitingAccount {
  id: string;
  person_id: string;
  school_ids: string[];
}

const UNIQUE_VIOLATION = '23505';

/**
 * The first sign-in of an unknown subject through ESIA, with the SNILS the provider vouches for: the subject is
 * linked to the one account awaiting it — no subject yet, active, created in a school that allows matching by SNILS,
 * of the person with that SNILS. None, or several (two people share the SNILS), link nothing. The SNILS itself is
 * never logged or returned.
 */
@Injectable()
export class SubjectBySnils {
  private readonly logger = new Logger(SubjectBySnils.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Links the subject and answers true, or answers false and changes nothing. */
  async link(subject: string, snils: string): Promise<boolean> {
    const digits = normalizeSnils(snils);
    if (digits === null) return false;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const candidates = await scopedQuery<AwaitingAccount>(
          manager,
          `SELECT a.id, a.person_id,
                  (SELECT array_agg(DISTINCT x.school_id) FROM (
                     SELECT a.school_id UNION SELECT g.school_id FROM role_grant g WHERE g.account_id = a.id
                   ) x) AS school_ids
             FROM account a
             JOIN school s ON s.id = a.school_id AND s.snils_matching
             JOIN personal_data d ON d.person_id = a.person_id AND d.snils = $1
            WHERE a.subject IS NULL AND a.status = 'active'
              FOR UPDATE OF a`,
          [digits],
        );
        if (candidates.length !== 1) {
          if (candidates.length > 1) this.logger.warn(`A first sign-in matched ${candidates.length} accounts by SNILS: none linked`);
          return false;
        }
        const [account] = candidates as [AwaitingAccount];
        await scopedQuery(manager, 'UPDATE account SET subject = $2 WHERE id = $1', [account.id, subject]);
        await appendAccessLog(
          manager,
          { actorId: null, at: this.clock.now() },
          account.school_ids.map((schoolId) => ({
            schoolId,
            accountId: account.id,
            personId: account.person_id,
            change: 'subject-linked-by-snils' as const,
          })),
        );
        return true;
      });
    } catch (error) {
      // Two first sign-ins of the same subject at once: the other one linked it.
      if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) return true;
      throw error;
    }
  }
}
