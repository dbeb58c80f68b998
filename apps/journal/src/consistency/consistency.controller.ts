import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ConsistencyRpc, type RpcRequest } from '#contracts';
import { requireSystemActor } from '#platform';
import { JournalCountsReader } from './journal-counts.reader.js';

/** The journal's side of the read model's consistency check: for the system only. */
@Controller()
export class ConsistencyController {
  constructor(private readonly counts: JournalCountsReader) {}

  @MessagePattern(ConsistencyRpc.journalCounts.subject)
  journalCounts(@Payload({ schema: ConsistencyRpc.journalCounts.request }) request: RpcRequest<typeof ConsistencyRpc.journalCounts>) {
    requireSystemActor();
    return this.counts.of(request.schoolId, request.pageIds);
  }
}
