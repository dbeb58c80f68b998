import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ConsistencyRpc, type RpcRequest } from '#contracts';
import { requireSystemActor } from '#platform';
import { IdentityCountsReader } from './identity-counts.reader.js';

/** Identity's side of the read model's consistency check: for the system only. */
@Controller()
export class ConsistencyController {
  constructor(private readonly counts: IdentityCountsReader) {}

  @MessagePattern(ConsistencyRpc.schools.subject)
  schools(@Payload({ schema: ConsistencyRpc.schools.request }) _request: RpcRequest<typeof ConsistencyRpc.schools>) {
    requireSystemActor();
    return this.counts.schools();
  }

  @MessagePattern(ConsistencyRpc.identityCounts.subject)
  identityCounts(@Payload({ schema: ConsistencyRpc.identityCounts.request }) request: RpcRequest<typeof ConsistencyRpc.identityCounts>) {
    requireSystemActor();
    return this.counts.of(request.schoolId);
  }
}
