import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityRpc, type RpcRequest } from '#contracts';
import { GroupsService } from './groups.service.js';

@Controller()
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @MessagePattern(IdentityRpc.upsertGroups.subject)
  upsert(@Payload({ schema: IdentityRpc.upsertGroups.request }) request: RpcRequest<typeof IdentityRpc.upsertGroups>) {
    return this.groups.upsert(request);
  }
}
