import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { type AccessLogEntry, AccountSettings, AccountsAdminRpc, AdminAccount, GrantInput, NewAccount } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { SessionStore } from '../session/session.store.js';
import { TokenStore } from '../tokens/token-store.js';
import {
  AccessLogPage,
  AccountList,
  AccountParams,
  AccountSettingsInput,
  GrantParams,
  SchoolParams,
  SubjectInput,
} from './admin-accounts.views.js';
import { LogQuery } from './log-query.js';

const SCHOOL = { kind: 'school', param: 'schoolId' } as const;
const ACCOUNT = { kind: 'account', param: 'accountId' } as const;

/**
 * Accounts of a school's people, administered by its system administrator and IS coordinator (R-ACC-1): no
 * self-registration. Every change is in the access log; a revoked account or role ends the person's sessions at once
 * (R-ACC-4), other changes within a second (identity's access-changed event).
 */
@ApiTags('Учётные записи')
@ApiCookieAuth()
@Controller('api/v1')
export class AdminAccountsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionStore,
    private readonly tokens: TokenStore,
  ) {}

  @Get('schools/:schoolId/accounts')
  @Action('accounts.list', SCHOOL)
  @ApiOperation({ summary: 'Учётные записи школы: созданные в ней и с ролями в ней' })
  @ApiOkResponse({ standardSchema: AccountList })
  list(@Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>): Promise<z.infer<typeof AccountList>> {
    return this.rpc.call(AccountsAdminRpc.list, { schoolId });
  }

  @Post('schools/:schoolId/accounts')
  @HttpCode(201)
  @Action('accounts.create', SCHOOL)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Создать учётную запись человека в школе',
    description:
      'Существующего человека (personId) или нового (newPerson), с ролями в школах, которые вы администрируете. ' +
      'Вход (subject) можно привязать сразу, позже или — если школа разрешает — по СНИЛС при первом входе через ЕСИА. ' +
      'Роль обучающегося не выдаётся: обучающимся вход в журнал запрещён.',
  })
  @ApiCreatedResponse({ standardSchema: AdminAccount })
  create(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Body({ schema: NewAccount }) account: z.infer<typeof NewAccount>,
  ): Promise<AdminAccount> {
    return this.rpc.call(AccountsAdminRpc.create, { schoolId, account });
  }

  @Get('schools/:schoolId/account-settings')
  @Action('accounts.list', SCHOOL)
  @ApiOperation({ summary: 'Настройки входа школы (привязка по СНИЛС)' })
  @ApiOkResponse({ standardSchema: AccountSettings })
  settings(@Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>): Promise<AccountSettings> {
    return this.rpc.call(AccountsAdminRpc.settings, { schoolId });
  }

  @Put('schools/:schoolId/account-settings')
  @Action('accounts.settings.write', SCHOOL)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Разрешить или запретить привязку входа по СНИЛС при первом входе через ЕСИА' })
  @ApiOkResponse({ standardSchema: AccountSettings })
  setSettings(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Body({ schema: AccountSettingsInput }) body: z.infer<typeof AccountSettingsInput>,
  ): Promise<AccountSettings> {
    return this.rpc.call(AccountsAdminRpc.setSettings, { schoolId, ...body });
  }

  @Get('schools/:schoolId/access-log')
  @Action('schools.access-log.read', SCHOOL)
  @ApiOperation({ summary: 'Журнал изменений доступа: кто, кому, что, когда (новые сначала)' })
  @ApiOkResponse({ standardSchema: AccessLogPage })
  log(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Query({ schema: LogQuery }) query: LogQuery,
  ): Promise<{ entries: AccessLogEntry[]; next: string | null }> {
    return this.rpc.call(AccountsAdminRpc.log, { schoolId, limit: query.limit, ...(query.before ? { before: query.before } : {}) });
  }

  @Get('accounts/:accountId')
  @Action('accounts.read', ACCOUNT)
  @ApiOperation({ summary: 'Учётная запись' })
  @ApiOkResponse({ standardSchema: AdminAccount })
  get(@Param({ schema: AccountParams }) { accountId }: z.infer<typeof AccountParams>): Promise<AdminAccount> {
    return this.rpc.call(AccountsAdminRpc.get, { accountId });
  }

  @Post('accounts/:accountId/grants')
  @HttpCode(200)
  @Action('accounts.manage', ACCOUNT)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Выдать роль в школе',
    description: 'Только в школе, которую вы администрируете. Сессии человека завершаются: новые права — после нового входа.',
  })
  @ApiOkResponse({ standardSchema: AdminAccount })
  grant(
    @Param({ schema: AccountParams }) { accountId }: z.infer<typeof AccountParams>,
    @Body({ schema: GrantInput }) grant: z.infer<typeof GrantInput>,
  ): Promise<AdminAccount> {
    return this.rpc.call(AccountsAdminRpc.grant, { accountId, ...grant });
  }

  @Delete('accounts/:accountId/grants/:schoolId/:role')
  @Action('accounts.manage', ACCOUNT)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Отозвать роль в школе: открытые сессии человека завершаются сразу (R-ACC-4)' })
  @ApiOkResponse({ standardSchema: AdminAccount })
  async revokeGrant(@Param({ schema: GrantParams }) params: z.infer<typeof GrantParams>): Promise<AdminAccount> {
    const account = await this.rpc.call(AccountsAdminRpc.revokeGrant, params);
    await this.endSessions(account.id);
    return account;
  }

  @Put('accounts/:accountId/subject')
  @Action('accounts.manage', ACCOUNT)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Привязать вход (OIDC-субъект, идентификатор ЕСИА) к учётной записи' })
  @ApiOkResponse({ standardSchema: AdminAccount })
  linkSubject(
    @Param({ schema: AccountParams }) { accountId }: z.infer<typeof AccountParams>,
    @Body({ schema: SubjectInput }) body: z.infer<typeof SubjectInput>,
  ): Promise<AdminAccount> {
    return this.rpc.call(AccountsAdminRpc.linkSubject, { accountId, subject: body.subject });
  }

  @Post('accounts/:accountId/revoke')
  @HttpCode(200)
  @Action('accounts.manage', ACCOUNT)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Отозвать доступ учётной записи целиком: открытые сессии завершаются сразу (R-ACC-4)',
    description: 'Только администратор каждой школы учётной записи; иначе отзовите роли своей школы.',
  })
  @ApiOkResponse({ standardSchema: AdminAccount })
  async revoke(@Param({ schema: AccountParams }) { accountId }: z.infer<typeof AccountParams>): Promise<AdminAccount> {
    const account = await this.rpc.call(AccountsAdminRpc.revoke, { accountId });
    await this.endSessions(account.id);
    return account;
  }

  @Post('accounts/:accountId/restore')
  @HttpCode(200)
  @Action('accounts.manage', ACCOUNT)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Восстановить доступ учётной записи' })
  @ApiOkResponse({ standardSchema: AdminAccount })
  restore(@Param({ schema: AccountParams }) { accountId }: z.infer<typeof AccountParams>): Promise<AdminAccount> {
    return this.rpc.call(AccountsAdminRpc.restore, { accountId });
  }

  /**
   * Ends the account's web sessions and tokens now, on this request, before identity's event reaches every replica:
   * access taken away is gone at once (R-ACC-4). Ending them again when the event arrives is harmless.
   */
  private async endSessions(accountId: string): Promise<void> {
    await Promise.all([this.sessions.destroyAccount(accountId), this.tokens.endAccount(accountId)]);
  }
}
