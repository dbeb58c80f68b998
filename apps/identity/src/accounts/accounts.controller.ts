import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityRpc, type RpcRequest } from '#contracts';
import { AccountsService } from './accounts.service.js';

@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @MessagePattern(IdentityRpc.upsertAccounts.subject)
  upsert(@Payload({ schema: IdentityRpc.upsertAccounts.request }) request: RpcRequest<typeof IdentityRpc.upsertAccounts>) {
    return this.accounts.upsert(request);
  }

  @MessagePattern(IdentityRpc.resolveSubject.subject)
  resolve(@Payload({ schema: IdentityRpc.resolveSubject.request }) request: RpcRequest<typeof IdentityRpc.resolveSubject>) {
    return this.accounts.resolve(request.subject, request.snils);
  }
}
