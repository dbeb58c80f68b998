import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PlanningRpc, type RpcRequest } from '#contracts';
import { requireSystemActor } from '#platform';
import { BellsService } from './bells.service.js';

@Controller()
export class BellsController {
  constructor(private readonly bells: BellsService) {}

  @MessagePattern(PlanningRpc.setBells.subject)
  set(@Payload({ schema: PlanningRpc.setBells.request }) request: RpcRequest<typeof PlanningRpc.setBells>) {
    requireSystemActor();
    return this.bells.set(request.schoolId, request.bells);
  }
}
