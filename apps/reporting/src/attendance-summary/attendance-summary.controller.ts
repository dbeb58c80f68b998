import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AttendanceSummaryRpc, type RpcRequest } from '#contracts';
import { AttendanceSummaryService } from './attendance-summary.service.js';

@Controller()
export class AttendanceSummaryController {
  constructor(private readonly summaries: AttendanceSummaryService) {}

  @MessagePattern(AttendanceSummaryRpc.ofStudent.subject)
  ofStudent(@Payload({ schema: AttendanceSummaryRpc.ofStudent.request }) request: RpcRequest<typeof AttendanceSummaryRpc.ofStudent>) {
    return this.summaries.ofStudent(request);
  }

  @MessagePattern(AttendanceSummaryRpc.ofClass.subject)
  ofClass(@Payload({ schema: AttendanceSummaryRpc.ofClass.request }) request: RpcRequest<typeof AttendanceSummaryRpc.ofClass>) {
    return this.summaries.ofClass(request);
  }
}
