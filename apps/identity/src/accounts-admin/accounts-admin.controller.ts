import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AccountsAdminRpc, type RpcRequest } from '#contracts';
import { AccountsAdminService } from './accounts-admin.service.js';

@Controller()
export class AccountsAdminController {
  constructor(private readonly accounts: AccountsAdminService) {}

  @MessagePattern(AccountsAdminRpc.list.subject)
  list(@Payload({ schema: AccountsAdminRpc.list.request }) request: RpcRequest<typeof AccountsAdminRpc.list>) {
    return this.accounts.list(request.schoolId);
  }

  @MessagePattern(AccountsAdminRpc.create.subject)
  create(@Payload({ schema: AccountsAdminRpc.create.request }) request: RpcRequest<typeof AccountsAdminRpc.create>) {
    return this.accounts.create(request);
  }

  @MessagePattern(AccountsAdminRpc.get.subject)
  get(@Payload({ schema: AccountsAdminRpc.get.request }) request: RpcRequest<typeof AccountsAdminRpc.get>) {
    return this.accounts.get(request.accountId);
  }

  @MessagePattern(AccountsAdminRpc.grant.subject)
  grant(@Payload({ schema: AccountsAdminRpc.grant.request }) request: RpcRequest<typeof AccountsAdminRpc.grant>) {
    return this.accounts.grant(request);
  }

  @MessagePattern(AccountsAdminRpc.revokeGrant.subject)
  revokeGrant(@Payload({ schema: AccountsAdminRpc.revokeGrant.request }) request: RpcRequest<typeof AccountsAdminRpc.revokeGrant>) {
    return this.accounts.revokeGrant(request);
  }

  @MessagePattern(AccountsAdminRpc.linkSubject.subject)
  linkSubject(@Payload({ schema: AccountsAdminRpc.linkSubject.request }) request: RpcRequest<typeof AccountsAdminRpc.linkSubject>) {
    return this.accounts.linkSubject(request);
  }

  @MessagePattern(AccountsAdminRpc.revoke.subject)
  revoke(@Payload({ schema: AccountsAdminRpc.revoke.request }) request: RpcRequest<typeof AccountsAdminRpc.revoke>) {
    return this.accounts.revoke(request.accountId);
  }

  @MessagePattern(AccountsAdminRpc.restore.subject)
  restore(@Payload({ schema: AccountsAdminRpc.restore.request }) request: RpcRequest<typeof AccountsAdminRpc.restore>) {
    return this.accounts.restore(request.accountId);
  }

  @MessagePattern(AccountsAdminRpc.settings.subject)
  settings(@Payload({ schema: AccountsAdminRpc.settings.request }) request: RpcRequest<typeof AccountsAdminRpc.settings>) {
    return this.accounts.settings(request.schoolId);
  }

  @MessagePattern(AccountsAdminRpc.setSettings.subject)
  setSettings(@Payload({ schema: AccountsAdminRpc.setSettings.request }) request: RpcRequest<typeof AccountsAdminRpc.setSettings>) {
    return this.accounts.setSettings(request);
  }

  @MessagePattern(AccountsAdminRpc.log.subject)
  log(@Payload({ schema: AccountsAdminRpc.log.request }) request: RpcRequest<typeof AccountsAdminRpc.log>) {
    return this.accounts.log(request);
  }
}
