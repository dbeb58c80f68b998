import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AccessLogEntry,
  type AccountSettings,
  type AccountsAdminRpc,
  type AdminAccount,
  DomainError,
  ErrorCode,
  IdentityEvents,
  type Role,
  type RpcRequest,
} from '#contracts';
import { Clock, currentActor, OutboxWriter } from '#platform';
import { type AccessLogRow, appendAccessLog, readAccessLog } from '../access-log/access-log.js';
import { logAuthor } from '../access-log/log-author.js';
import { AccessCheck, notFound } from '../access/access-check.js';
import { scopedQuery } from '../database/scoped-query.js';
import { assertIdsExist } from '../loading/batch-checks.js';
import { createPerson } from '../people/create-person.js';
import { adminAccount, adminAccountsOfSchool, schoolsOfAccount } from './admin-account-rows.js';

/** The roles that administer access in a school (DOMAIN.md, roles; libs/policy accounts table). */
const ADMINISTRATOR_ROLES: readonly Role[] = ['sysadmin', 'coordinator'];

const notYourSchool = (schoolIds: string[]) =>
  new DomainError(ErrorCode.Forbidden, 'Роли можно выдавать и отзывать только в школах, которые вы администрируете', { schoolIds });

type AccessChangeKind = 'revoked' | 'restored' | 'grants-changed' | 'subject-changed';

/**
 * The administration of accounts (R-ACC-1, R-ACC-4): accounts of people in a school, their OIDC subjects, their roles
 * per school, revoking and restoring them. Every change writes access-log rows and an `access-changed` event (the
 * gateway ends the account's open sessions) in the same transaction; a change that changes nothing writes neither.
 */
@Injectable()
export class AccountsAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly access: AccessCheck,
  ) {}

  async list(schoolId: string): Promise<{ accounts: AdminAccount[] }> {
    await this.access.assertMay('accounts.list', { type: 'school', id: schoolId });
    return { accounts: await adminAccountsOfSchool(this.dataSource.manager, schoolId) };
  }

  async get(accountId: string): Promise<AdminAccount> {
    await this.access.assertMay('accounts.read', { type: 'account', id: accountId });
    return this.existing(this.dataSource.manager, accountId);
  }

  /**
   * An account of an existing person (one account per person) or of a new one, created in the school, with roles in
   * schools the caller administers; with its subject, or pending until one is linked (by hand or by SNILS).
   */
  async create({ schoolId, account }: RpcRequest<typeof AccountsAdminRpc.create>): Promise<AdminAccount> {
    await this.access.assertMay('accounts.create', { type: 'school', id: schoolId });
    const grants = [...new Map(account.grants.map((grant) => [`${grant.schoolId}|${grant.role}`, grant])).values()];
    this.assertAdministers(grants.map((grant) => grant.schoolId));
    const author = logAuthor(this.clock);
    const accountId = await this.dataSource.transaction(async (manager) => {
      await assertIdsExist(manager, 'school', grants.map((grant) => grant.schoolId), 'Школа не найдена');
      const personId = account.personId ?? (await createPerson(manager, this.outbox, account.newPerson!));
      await this.assertMayHaveAccount(manager, personId);
      const subject = account.subject?.trim() ?? null;
      if (subject !== null) await this.assertSubjectFree(manager, subject, null);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO account (id, external_key, person_id, subject, status, school_id) VALUES ($1, $2, $3, $4, 'active', $5)`,
        [id, `manual:account:${id}`, personId, subject, schoolId],
      );
      await manager.query(
        'INSERT INTO role_grant (account_id, school_id, role) SELECT $1, * FROM unnest($2::uuid[], $3::text[])',
        [id, grants.map((grant) => grant.schoolId), grants.map((grant) => grant.role)],
      );
      const rows: AccessLogRow[] = [
        { schoolId, accountId: id, personId, change: 'account-created' },
        ...grants.map((grant): AccessLogRow => ({ schoolId: grant.schoolId, accountId: id, personId, change: 'role-granted', role: grant.role })),
        ...(subject === null ? [] : [{ schoolId, accountId: id, personId, change: 'subject-linked' } satisfies AccessLogRow]),
      ];
      await appendAccessLog(manager, author, rows);
      return id;
    });
    return this.existing(this.dataSource.manager, accountId);
  }

  /** Grants a role in a school the caller administers; a role already held changes nothing. */
  async grant({ accountId, schoolId, role }: RpcRequest<typeof AccountsAdminRpc.grant>): Promise<AdminAccount> {
    await this.access.assertMay('accounts.manage', { type: 'account', id: accountId });
    this.assertAdministers([schoolId]);
    return this.change(accountId, async (manager, account) => {
      await assertIdsExist(manager, 'school', [schoolId], 'Школа не найдена');
      const added = await manager.query<unknown[]>(
        'INSERT INTO role_grant (account_id, school_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING account_id',
        [accountId, schoolId, role],
      );
      if (added.length === 0) return null;
      return { change: 'grants-changed', rows: [{ schoolId, accountId, personId: account.personId, change: 'role-granted', role }] };
    });
  }

  /** Revokes one role in a school the caller administers; a role not held changes nothing. */
  async revokeGrant({ accountId, schoolId, role }: RpcRequest<typeof AccountsAdminRpc.revokeGrant>): Promise<AdminAccount> {
    await this.access.assertMay('accounts.manage', { type: 'account', id: accountId });
    this.assertAdministers([schoolId]);
    return this.change(accountId, async (manager, account) => {
      const removed = await scopedQuery<{ account_id: string }>(
        manager,
        'WITH removed AS (DELETE FROM role_grant WHERE account_id = $1 AND school_id = $2 AND role = $3 RETURNING account_id) SELECT * FROM removed',
        [accountId, schoolId, role],
      );
      if (removed.length === 0) return null;
      return { change: 'grants-changed', rows: [{ schoolId, accountId, personId: account.personId, change: 'role-revoked', role }] };
    });
  }

  /** Links the account to a subject; the same subject again changes nothing, another account's is a CONFLICT. */
  async linkSubject({ accountId, subject }: RpcRequest<typeof AccountsAdminRpc.linkSubject>): Promise<AdminAccount> {
    await this.access.assertMay('accounts.manage', { type: 'account', id: accountId });
    const wanted = subject.trim();
    return this.change(accountId, async (manager, account) => {
      const [stored] = await scopedQuery<{ subject: string | null }>(manager, 'SELECT subject FROM account WHERE id = $1', [accountId]);
      if (stored?.subject === wanted) return null;
      await this.assertSubjectFree(manager, wanted, accountId);
      await scopedQuery(manager, 'UPDATE account SET subject = $2 WHERE id = $1', [accountId, wanted]);
      const rows = schoolsOfAccount(account).map(
        (schoolId): AccessLogRow => ({ schoolId, accountId, personId: account.personId, change: 'subject-linked' }),
      );
      // Sessions exist only for a subject that was linked: the old one's end at once (R-ACC-4).
      return { change: stored?.subject ? 'subject-changed' : null, rows };
    });
  }

  /** Revokes the whole account: only an administrator of each of its schools may; revoking twice changes nothing. */
  async revoke(accountId: string): Promise<AdminAccount> {
    return this.setStatus(accountId, 'revoked');
  }

  async restore(accountId: string): Promise<AdminAccount> {
    return this.setStatus(accountId, 'active');
  }

  async settings(schoolId: string): Promise<AccountSettings> {
    await this.access.assertMay('accounts.list', { type: 'school', id: schoolId });
    return this.storedSettings(this.dataSource.manager, schoolId);
  }

  async setSettings({ schoolId, snilsMatching }: RpcRequest<typeof AccountsAdminRpc.setSettings>): Promise<AccountSettings> {
    await this.access.assertMay('accounts.settings.write', { type: 'school', id: schoolId });
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      const changed = await scopedQuery<{ id: string }>(
        manager,
        'UPDATE school SET snils_matching = $2 WHERE id = $1 AND snils_matching <> $2 RETURNING id',
        [schoolId, snilsMatching],
      );
      if (changed.length > 0) {
        await appendAccessLog(manager, author, [{ schoolId, accountId: null, personId: null, change: 'snils-matching-changed' }]);
      }
      return this.storedSettings(manager, schoolId);
    });
  }

  async log(request: RpcRequest<typeof AccountsAdminRpc.log>): Promise<{ entries: AccessLogEntry[]; next: string | null }> {
    await this.access.assertMay('schools.access-log.read', { type: 'school', id: request.schoolId });
    return readAccessLog(this.dataSource.manager, request.schoolId, request.limit ?? 100, request.before);
  }

  private async setStatus(accountId: string, status: 'active' | 'revoked'): Promise<AdminAccount> {
    await this.access.assertMay('accounts.manage', { type: 'account', id: accountId });
    return this.change(accountId, async (manager, account) => {
      this.assertAdministers(schoolsOfAccount(account), 'Учётная запись действует и в других школах: отзовите роли в своей школе');
      if (account.status === status) return null;
      await scopedQuery(manager, 'UPDATE account SET status = $2 WHERE id = $1', [accountId, status]);
      const change = status === 'revoked' ? 'account-revoked' : 'account-restored';
      return {
        change: status === 'revoked' ? 'revoked' : 'restored',
        rows: schoolsOfAccount(account).map((schoolId): AccessLogRow => ({ schoolId, accountId, personId: account.personId, change })),
      };
    });
  }

  /**
   * Runs one change of an account under a lock of its row: the access-log rows and the event go with it; a change
   * that returns null changed nothing.
   */
  private async change(
    accountId: string,
    apply: (
      manager: EntityManager,
      account: AdminAccount,
    ) => Promise<{ change: AccessChangeKind | null; rows: AccessLogRow[] } | null>,
  ): Promise<AdminAccount> {
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      await scopedQuery(manager, 'SELECT id FROM account WHERE id = $1 FOR UPDATE', [accountId]);
      const account = await this.existing(manager, accountId);
      const outcome = await apply(manager, account);
      if (!outcome) return account;
      await appendAccessLog(manager, author, outcome.rows);
      if (outcome.change) {
        await this.outbox.append(manager, IdentityEvents.accessChanged, { accountId, personId: account.personId, change: outcome.change });
      }
      return this.existing(manager, accountId);
    });
  }

  /** The system may administer every school; a person, those where they are a system administrator or IS coordinator. */
  private assertAdministers(schoolIds: readonly string[], message?: string): void {
    const actor = currentActor();
    if (actor.kind === 'system') return;
    const administered = new Set(
      actor.kind === 'person'
        ? actor.grants.filter((grant) => ADMINISTRATOR_ROLES.includes(grant.role)).map((grant) => grant.schoolId)
        : [],
    );
    const foreign = [...new Set(schoolIds)].filter((schoolId) => !administered.has(schoolId));
    if (foreign.length === 0) return;
    throw message ? new DomainError(ErrorCode.Forbidden, message, { schoolIds: foreign }) : notYourSchool(foreign);
  }

  private async assertMayHaveAccount(manager: EntityManager, personId: string): Promise<void> {
    const [row] = await scopedQuery<{ archived: boolean; account_id: string | null }>(
      manager,
      `SELECT p.archived_at IS NOT NULL AS archived, (SELECT a.id FROM account a WHERE a.person_id = p.id LIMIT 1) AS account_id
         FROM person p WHERE p.id = $1 FOR UPDATE`,
      [personId],
    );
    if (!row) throw notFound('person');
    if (row.archived) throw new DomainError(ErrorCode.Conflict, 'Человек в архиве');
    if (row.account_id !== null) {
      throw new DomainError(ErrorCode.Conflict, 'У человека уже есть учётная запись: выдайте роль в ней', { accountId: row.account_id });
    }
  }

  private async assertSubjectFree(manager: EntityManager, subject: string, accountId: string | null): Promise<void> {
    const [holder] = await scopedQuery<{ id: string }>(manager, 'SELECT id FROM account WHERE subject = $1', [subject]);
    if (holder && holder.id !== accountId) {
      throw new DomainError(ErrorCode.Conflict, 'OIDC-субъект уже привязан к другой учётной записи');
    }
  }

  private async existing(manager: Pick<EntityManager, 'query'>, accountId: string): Promise<AdminAccount> {
    const account = await adminAccount(manager, accountId);
    if (!account) throw notFound('account');
    return account;
  }

  private async storedSettings(manager: Pick<EntityManager, 'query'>, schoolId: string): Promise<AccountSettings> {
    const [row] = await scopedQuery<{ snils_matching: boolean }>(manager, 'SELECT snils_matching FROM school WHERE id = $1', [schoolId]);
    if (!row) throw notFound('school');
    return { schoolId, snilsMatching: row.snils_matching };
  }
}
