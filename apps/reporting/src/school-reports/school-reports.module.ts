import { Module } from '@nestjs/common';
import { ResultDeviationsService } from '../result-deviations/result-deviations.service.js';
import { CompletenessService } from './completeness.service.js';
import { ReportRangeResolver } from './report-range.js';
import { SchoolAttendanceService } from './school-attendance.service.js';
import { SchoolReportsController } from './school-reports.controller.js';
import { SchoolReportFiles } from './school-reports.service.js';

/** The coordinator's completeness report (R-REP-3) and attendance by school, class and student (R-ATT-1). */
@Module({
  controllers: [SchoolReportsController],
  providers: [ReportRangeResolver, CompletenessService, SchoolAttendanceService, SchoolReportFiles, ResultDeviationsService],
})
export class SchoolReportsModule {}
