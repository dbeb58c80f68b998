import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ApiClientsRpc, type RpcRequest } from '#contracts';
import { ApiClientsService } from './api-clients.service.js';

@Controller()
export class ApiClientsController {
  constructor(private readonly clients: ApiClientsService) {}

  @MessagePattern(ApiClientsRpc.create.subject)
  create(@Payload({ schema: ApiClientsRpc.create.request }) request: RpcRequest<typeof ApiClientsRpc.create>) {
    return this.clients.create(request);
  }

  @MessagePattern(ApiClientsRpc.list.subject)
  list(@Payload({ schema: ApiClientsRpc.list.request }) _request: RpcRequest<typeof ApiClientsRpc.list>) {
    return this.clients.list();
  }

  @MessagePattern(ApiClientsRpc.revoke.subject)
  revoke(@Payload({ schema: ApiClientsRpc.revoke.request }) request: RpcRequest<typeof ApiClientsRpc.revoke>) {
    return this.clients.revoke(request.clientId);
  }

  @MessagePattern(ApiClientsRpc.verify.subject)
  verify(@Payload({ schema: ApiClientsRpc.verify.request }) request: RpcRequest<typeof ApiClientsRpc.verify>) {
    return this.clients.verify(request);
  }
}
