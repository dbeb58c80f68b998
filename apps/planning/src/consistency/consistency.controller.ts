import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ConsistencyRpc, type RpcRequest } from '#contracts';
import { requireSystemActor } from '#platform';
import { PlanningCountsReader } from './planning-counts.reader.js';

/** Planning's side of the read model's consistency check: for the system only. */
@Controller()
export class ConsistencyController {
  constructor(private readonly counts: PlanningCountsReader) {}

  @MessagePattern(ConsistencyRpc.planningCounts.subject)
  planningCounts(@Payload({ schema: ConsistencyRpc.planningCounts.request }) request: RpcRequest<typeof ConsistencyRpc.planningCounts>) {
    requireSystemActor();
    return this.counts.of(request.schoolId);
  }
}
