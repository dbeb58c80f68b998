import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ConsistencyRpc, type RpcRequest } from '#contracts';
import { requireSystemActor } from '#platform';
import { ConsistencyService } from './consistency.service.js';
import { ReadModelCountsReader } from './read-model-counts.reader.js';

@Controller()
export class ConsistencyController {
  constructor(
    private readonly consistency: ConsistencyService,
    private readonly counts: ReadModelCountsReader,
  ) {}

  @MessagePattern(ConsistencyRpc.check.subject)
  check(@Payload({ schema: ConsistencyRpc.check.request }) request: RpcRequest<typeof ConsistencyRpc.check>) {
    return this.consistency.check(request);
  }

  @MessagePattern(ConsistencyRpc.readModelCounts.subject)
  readModelCounts(
    @Payload({ schema: ConsistencyRpc.readModelCounts.request }) request: RpcRequest<typeof ConsistencyRpc.readModelCounts>,
  ) {
    requireSystemActor();
    return this.counts.of(request.schoolId);
  }
}
