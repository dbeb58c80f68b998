import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityRpc, type RpcRequest } from '#contracts';
import { ClassesService } from './classes.service.js';

@Controller()
export class ClassesController {
  constructor(private readonly classes: ClassesService) {}

  @MessagePattern(IdentityRpc.upsertClasses.subject)
  upsert(@Payload({ schema: IdentityRpc.upsertClasses.request }) request: RpcRequest<typeof IdentityRpc.upsertClasses>) {
    return this.classes.upsert(request);
  }

  @MessagePattern(IdentityRpc.getClass.subject)
  get(@Payload({ schema: IdentityRpc.getClass.request }) request: RpcRequest<typeof IdentityRpc.getClass>) {
    return this.classes.get(request.classId);
  }

  @MessagePattern(IdentityRpc.classesLedBy.subject)
  ledBy(@Payload({ schema: IdentityRpc.classesLedBy.request }) request: RpcRequest<typeof IdentityRpc.classesLedBy>) {
    return this.classes.ledBy(request.teacherId, request.academicYear);
  }

  @MessagePattern(IdentityRpc.classAccess.subject)
  access(@Payload({ schema: IdentityRpc.classAccess.request }) request: RpcRequest<typeof IdentityRpc.classAccess>) {
    return this.classes.access(request.classId);
  }
}
