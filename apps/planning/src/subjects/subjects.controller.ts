import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PlanningRpc, type RpcRequest } from '#contracts';
import { requireSystemActor } from '#platform';
import { SubjectsService } from './subjects.service.js';

@Controller()
export class SubjectsController {
  constructor(private readonly subjects: SubjectsService) {}

  @MessagePattern(PlanningRpc.upsertSubjects.subject)
  upsert(@Payload({ schema: PlanningRpc.upsertSubjects.request }) request: RpcRequest<typeof PlanningRpc.upsertSubjects>) {
    requireSystemActor();
    return this.subjects.upsert(request);
  }

  @MessagePattern(PlanningRpc.listSubjects.subject)
  list(@Payload({ schema: PlanningRpc.listSubjects.request }) request: RpcRequest<typeof PlanningRpc.listSubjects>) {
    return this.subjects.list(request.schoolId);
  }
}
