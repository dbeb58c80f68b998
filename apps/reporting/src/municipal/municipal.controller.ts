import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReportingGradebookRpc, ReportingMunicipalRpc, type RpcRequest } from '#contracts';
import { MunicipalAttendanceService } from './attendance-feed.service.js';
import { GradebookService } from './gradebook.service.js';
import { MunicipalPerformanceService } from './performance.service.js';

@Controller()
export class MunicipalController {
  constructor(
    private readonly gradebook: GradebookService,
    private readonly performanceReport: MunicipalPerformanceService,
    private readonly attendance: MunicipalAttendanceService,
  ) {}

  @MessagePattern(ReportingGradebookRpc.read.subject)
  read(@Payload({ schema: ReportingGradebookRpc.read.request }) request: RpcRequest<typeof ReportingGradebookRpc.read>) {
    return this.gradebook.read(request);
  }

  @MessagePattern(ReportingMunicipalRpc.performance.subject)
  performance(
    @Payload({ schema: ReportingMunicipalRpc.performance.request }) request: RpcRequest<typeof ReportingMunicipalRpc.performance>,
  ) {
    return this.performanceReport.performance(request);
  }

  @MessagePattern(ReportingMunicipalRpc.attendanceFeed.subject)
  attendanceFeed(
    @Payload({ schema: ReportingMunicipalRpc.attendanceFeed.request }) request: RpcRequest<typeof ReportingMunicipalRpc.attendanceFeed>,
  ) {
    return this.attendance.feed(request);
  }
}
