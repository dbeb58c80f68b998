import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PerformanceRpc, type RpcRequest } from '#contracts';
import { ClassReportService } from './class-report.service.js';
import { classReportFile, schoolReportFile } from './performance-files.js';
import { SchoolReportService } from './school-report.service.js';

@Controller()
export class PerformanceController {
  constructor(
    private readonly classes: ClassReportService,
    private readonly schools: SchoolReportService,
  ) {}

  @MessagePattern(PerformanceRpc.classReport.subject)
  classReport(@Payload({ schema: PerformanceRpc.classReport.request }) request: RpcRequest<typeof PerformanceRpc.classReport>) {
    return this.classes.report(request);
  }

  @MessagePattern(PerformanceRpc.classReportFile.subject)
  async classReportFile(
    @Payload({ schema: PerformanceRpc.classReportFile.request }) request: RpcRequest<typeof PerformanceRpc.classReportFile>,
  ) {
    const { report, academicYear } = await this.classes.reportWithYear(request);
    return classReportFile(report, academicYear, request.format);
  }

  @MessagePattern(PerformanceRpc.schoolReport.subject)
  schoolReport(@Payload({ schema: PerformanceRpc.schoolReport.request }) request: RpcRequest<typeof PerformanceRpc.schoolReport>) {
    return this.schools.report(request);
  }

  @MessagePattern(PerformanceRpc.schoolReportFile.subject)
  async schoolReportFile(
    @Payload({ schema: PerformanceRpc.schoolReportFile.request }) request: RpcRequest<typeof PerformanceRpc.schoolReportFile>,
  ) {
    const { report, academicYear } = await this.schools.reportWithYear(request);
    return schoolReportFile(report, academicYear, request.format);
  }
}
