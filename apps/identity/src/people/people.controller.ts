import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityRpc, type RpcRequest } from '#contracts';
import { PeopleService } from './people.service.js';

@Controller()
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @MessagePattern(IdentityRpc.upsertPeople.subject)
  upsert(@Payload({ schema: IdentityRpc.upsertPeople.request }) request: RpcRequest<typeof IdentityRpc.upsertPeople>) {
    return this.people.upsert(request);
  }
}
