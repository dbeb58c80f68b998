import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityRpc, type RpcRequest } from '#contracts';
import { SchoolsService } from './schools.service.js';

@Controller()
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

  @MessagePattern(IdentityRpc.upsertSchool.subject)
  upsert(@Payload({ schema: IdentityRpc.upsertSchool.request }) request: RpcRequest<typeof IdentityRpc.upsertSchool>) {
    return this.schools.upsert(request);
  }

  @MessagePattern(IdentityRpc.getSchool.subject)
  get(@Payload({ schema: IdentityRpc.getSchool.request }) request: RpcRequest<typeof IdentityRpc.getSchool>) {
    return this.schools.get(request.schoolId);
  }
}
