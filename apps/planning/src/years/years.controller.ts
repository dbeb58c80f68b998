import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PlanningRpc, type RpcRequest } from '#contracts';
import { requireSystemActor } from '#platform';
import type { UpsertYearCommand } from './upsert-year.command.js';
import { YearsService } from './years.service.js';

@Controller()
export class YearsController {
  constructor(private readonly years: YearsService) {}

  @MessagePattern(PlanningRpc.upsertYear.subject)
  upsert(@Payload({ schema: PlanningRpc.upsertYear.request }) command: UpsertYearCommand) {
    requireSystemActor();
    return this.years.upsert(command);
  }

  @MessagePattern(PlanningRpc.getYear.subject)
  get(@Payload({ schema: PlanningRpc.getYear.request }) request: RpcRequest<typeof PlanningRpc.getYear>) {
    return this.years.get(request.yearId);
  }

  @MessagePattern(PlanningRpc.yearAt.subject)
  at(@Payload({ schema: PlanningRpc.yearAt.request }) request: RpcRequest<typeof PlanningRpc.yearAt>) {
    return this.years.at(request.schoolId, request.date);
  }

  @MessagePattern(PlanningRpc.periodAt.subject)
  periodAt(@Payload({ schema: PlanningRpc.periodAt.request }) request: RpcRequest<typeof PlanningRpc.periodAt>) {
    return this.years.periodAt(request.schoolId, request.grade, request.date);
  }

  @MessagePattern(PlanningRpc.getPeriod.subject)
  getPeriod(@Payload({ schema: PlanningRpc.getPeriod.request }) request: RpcRequest<typeof PlanningRpc.getPeriod>) {
    return this.years.getPeriod(request.periodId);
  }
}
