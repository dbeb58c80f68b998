import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityRpc, type RpcRequest } from '#contracts';
import { GuardianshipsService } from './guardianships.service.js';

@Controller()
export class GuardianshipsController {
  constructor(private readonly guardianships: GuardianshipsService) {}

  @MessagePattern(IdentityRpc.upsertGuardianships.subject)
  upsert(
    @Payload({ schema: IdentityRpc.upsertGuardianships.request })
    request: RpcRequest<typeof IdentityRpc.upsertGuardianships>,
  ) {
    return this.guardianships.upsert(request);
  }
}
