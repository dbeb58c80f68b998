import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReportingRpc, type RpcRequest } from '#contracts';
import { ClassSummaryService } from './class-summary.service.js';

@Controller()
export class ClassSummaryController {
  constructor(private readonly summaries: ClassSummaryService) {}

  @MessagePattern(ReportingRpc.classSummary.subject)
  summary(@Payload({ schema: ReportingRpc.classSummary.request }) request: RpcRequest<typeof ReportingRpc.classSummary>) {
    return this.summaries.summary(request);
  }
}
