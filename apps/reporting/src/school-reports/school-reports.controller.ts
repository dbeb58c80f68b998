import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type RpcRequest, SchoolReportsRpc } from '#contracts';
import { CompletenessService } from './completeness.service.js';
import { SchoolAttendanceService } from './school-attendance.service.js';
import { SchoolReportFiles } from './school-reports.service.js';

@Controller()
export class SchoolReportsController {
  constructor(
    private readonly completeness: CompletenessService,
    private readonly attendance: SchoolAttendanceService,
    private readonly files: SchoolReportFiles,
  ) {}

  @MessagePattern(SchoolReportsRpc.completeness.subject)
  completenessReport(@Payload({ schema: SchoolReportsRpc.completeness.request }) request: RpcRequest<typeof SchoolReportsRpc.completeness>) {
    return this.completeness.report(request);
  }

  @MessagePattern(SchoolReportsRpc.completenessFile.subject)
  completenessFile(
    @Payload({ schema: SchoolReportsRpc.completenessFile.request }) request: RpcRequest<typeof SchoolReportsRpc.completenessFile>,
  ) {
    return this.files.completenessFile(request);
  }

  @MessagePattern(SchoolReportsRpc.attendance.subject)
  schoolAttendance(@Payload({ schema: SchoolReportsRpc.attendance.request }) request: RpcRequest<typeof SchoolReportsRpc.attendance>) {
    return this.attendance.ofSchool(request.schoolId, request.range);
  }

  @MessagePattern(SchoolReportsRpc.attendanceFile.subject)
  schoolAttendanceFile(
    @Payload({ schema: SchoolReportsRpc.attendanceFile.request }) request: RpcRequest<typeof SchoolReportsRpc.attendanceFile>,
  ) {
    return this.files.attendanceFile(request);
  }

  @MessagePattern(SchoolReportsRpc.classAttendance.subject)
  classAttendance(
    @Payload({ schema: SchoolReportsRpc.classAttendance.request }) request: RpcRequest<typeof SchoolReportsRpc.classAttendance>,
  ) {
    return this.attendance.ofClass(request.classId, request.range);
  }

  @MessagePattern(SchoolReportsRpc.classAttendanceFile.subject)
  classAttendanceFile(
    @Payload({ schema: SchoolReportsRpc.classAttendanceFile.request }) request: RpcRequest<typeof SchoolReportsRpc.classAttendanceFile>,
  ) {
    return this.files.classAttendanceFile(request);
  }
}
