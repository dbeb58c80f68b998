import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityRpc, type RpcRequest } from '#contracts';
import { AccessFactsService } from './access-facts.service.js';

@Controller()
export class AccessFactsController {
  constructor(private readonly access: AccessFactsService) {}

  @MessagePattern(IdentityRpc.accessFacts.subject)
  facts(@Payload({ schema: IdentityRpc.accessFacts.request }) request: RpcRequest<typeof IdentityRpc.accessFacts>) {
    return this.access.ofCaller(request.resource);
  }
}
