import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type IdentityRpc,
  type ResolvedAccount,
  type RoleGrant,
  type RpcRequest,
} from '#contracts';
import { requireSystemActor } from '#platform';
import { assertIdsExist, assertUniqueKeys } from '../loading/batch-checks.js';
import { bulkUpsert } from '../loading/bulk-upsert.js';
import { resolveExternalKeys } from '../loading/resolve-external-keys.js';
import { AccountEntity, type AccountStatus } from './account.entity.js';
import { RoleGrantEntity } from './role-grant.entity.js';
import { SubjectBySnils } from './subject-by-snils.js';

interface ResolvedRow {
  account_id: string;
  status: AccountStatus;
  person_id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  grants: RoleGrant[];
}

const grantKey = (grant: RoleGrant) => `${grant.schoolId}:${grant.role}`;

function sameGrants(a: readonly RoleGrant[], b: readonly RoleGrant[]): boolean {
  const keysOfA = new Set(a.map(grantKey));
  const keysOfB = new Set(b.map(grantKey));
  return keysOfA.size === keysOfB.size && [...keysOfA].every((key) => keysOfB.has(key));
}

function uniqueGrants(grants: readonly RoleGrant[]): RoleGrant[] {
  return [...new Map(grants.map((grant) => [grantKey(grant), grant])).values()];
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bySnils: SubjectBySnils,
  ) {}

  /** Links subjects to people and sets each account's roles to exactly the given grants (R-ACC-1). */
  async upsert(request: RpcRequest<typeof IdentityRpc.upsertAccounts>): Promise<{ ids: Record<string, string> }> {
    requireSystemActor();
    const accounts = request.accounts.map((account) => ({ ...account, grants: uniqueGrants(account.grants) }));
    assertUniqueKeys(accounts.map((account) => account.externalKey));
    assertUniqueKeys(
      accounts.map((account) => account.subject),
      'OIDC-субъект повторяется в пакете',
    );
    return this.dataSource.transaction(async (manager) => {
      await assertIdsExist(
        manager,
        'person',
        accounts.map((account) => account.personId),
        'Человек не найден',
      );
      await assertIdsExist(
        manager,
        'school',
        accounts.flatMap((account) => account.grants.map((grant) => grant.schoolId)),
        'Школа не найдена',
      );
      const ids = await resolveExternalKeys(
        manager,
        'account',
        accounts.map((account) => account.externalKey),
      );
      await this.assertSubjectsFree(manager, accounts, ids);
      await bulkUpsert<AccountEntity, { id: string }>(
        manager,
        AccountEntity,
        accounts.map((account) => ({
          id: ids.get(account.externalKey)!,
          externalKey: account.externalKey,
          personId: account.personId,
          subject: account.subject,
          schoolId: account.grants[0]?.schoolId ?? null,
        })),
        // The status is not loaded: loading again never re-activates a revoked account.
        { conflict: ['external_key'], overwrite: ['person_id', 'subject'], returning: ['id'] },
      );
      await this.replaceChangedGrants(
        manager,
        accounts.map((account) => ({ accountId: ids.get(account.externalKey)!, grants: account.grants })),
      );
      return { ids: Object.fromEntries(ids) };
    });
  }

  /** The account of the subject; an unknown one with a SNILS may first be linked to the account awaiting it. */
  async resolve(subject: string, snils?: string): Promise<ResolvedAccount> {
    let row = await this.accountOf(subject);
    if (!row && snils && (await this.bySnils.link(subject, snils))) row = await this.accountOf(subject);
    if (!row) {
      throw new DomainError(ErrorCode.AccountUnknown, 'Учётная запись не найдена: обратитесь к администратору школы');
    }
    if (row.status === 'revoked') {
      throw new DomainError(ErrorCode.AccountRevoked, 'Доступ учётной записи отозван: обратитесь к администратору школы');
    }
    return {
      accountId: row.account_id,
      personId: row.person_id,
      name: { lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name },
      grants: row.grants,
    };
  }

  private async accountOf(subject: string): Promise<ResolvedRow | undefined> {
    const [row] = await this.dataSource.query<ResolvedRow[]>(
      `SELECT a.id AS account_id, a.status, p.id AS person_id, p.last_name, p.first_name, p.middle_name,
              COALESCE(json_agg(json_build_object('role', g.role, 'schoolId', g.school_id) ORDER BY g.school_id, g.role)
                         FILTER (WHERE g.account_id IS NOT NULL), '[]') AS grants
         FROM account a
         JOIN person p ON p.id = a.person_id
         LEFT JOIN role_grant g ON g.account_id = a.id
        WHERE a.subject = $1
        GROUP BY a.id, p.id`,
      [subject],
    );
    return row;
  }

  private async assertSubjectsFree(
    manager: EntityManager,
    accounts: ReadonlyArray<{ externalKey: string; subject: string }>,
    ids: ReadonlyMap<string, string>,
  ): Promise<void> {
    const holders = await manager.query<Array<{ id: string; subject: string }>>(
      'SELECT id, subject FROM account WHERE subject = ANY($1::text[])',
      [accounts.map((account) => account.subject)],
    );
    const holderOf = new Map(holders.map((holder) => [holder.subject, holder.id]));
    for (const account of accounts) {
      const holder = holderOf.get(account.subject);
      if (holder !== undefined && holder !== ids.get(account.externalKey)) {
        throw new DomainError(ErrorCode.Conflict, 'OIDC-субъект уже привязан к другой учётной записи', {
          externalKey: account.externalKey,
        });
      }
    }
  }

  private async replaceChangedGrants(
    manager: EntityManager,
    wanted: ReadonlyArray<{ accountId: string; grants: RoleGrant[] }>,
  ): Promise<void> {
    const stored = await manager.query<Array<{ account_id: string; school_id: string; role: RoleGrant['role'] }>>(
      'SELECT account_id, school_id, role FROM role_grant WHERE account_id = ANY($1::uuid[])',
      [wanted.map((account) => account.accountId)],
    );
    const storedByAccount = new Map<string, RoleGrant[]>();
    for (const row of stored) {
      const grants = storedByAccount.get(row.account_id) ?? [];
      grants.push({ schoolId: row.school_id, role: row.role });
      storedByAccount.set(row.account_id, grants);
    }
    const changed = wanted.filter((account) => !sameGrants(storedByAccount.get(account.accountId) ?? [], account.grants));
    if (changed.length === 0) return;
    await manager.query('DELETE FROM role_grant WHERE account_id = ANY($1::uuid[])', [
      changed.map((account) => account.accountId),
    ]);
    await bulkUpsert(
      manager,
      RoleGrantEntity,
      changed.flatMap((account) => account.grants.map((grant) => ({ accountId: account.accountId, ...grant }))),
      { conflict: ['account_id', 'school_id', 'role'], overwrite: [], returning: ['account_id'] },
    );
  }
}
