import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ConsistencyRpc, type RpcRequest } from '#contracts';
import { requireSystemActor } from '#platform';
import { AttendanceCountsReader } from './attendance-counts.reader.js';

/** Attendance's side of the read model's consistency check: for the system only. */
@Controller()
export class ConsistencyController {
  constructor(private readonly counts: AttendanceCountsReader) {}

  @MessagePattern(ConsistencyRpc.attendanceCounts.subject)
  attendanceCounts(
    @Payload({ schema: ConsistencyRpc.attendanceCounts.request }) request: RpcRequest<typeof ConsistencyRpc.attendanceCounts>,
  ) {
    requireSystemActor();
    return this.counts.of(request.pageIds);
  }
}
