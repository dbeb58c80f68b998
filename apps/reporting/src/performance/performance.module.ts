import { Module } from '@nestjs/common';
import { ClassSummaryModule } from '../class-summary/class-summary.module.js';
import { ClassReportService } from './class-report.service.js';
import { PerformanceController } from './performance.controller.js';
import { SchoolReportService } from './school-report.service.js';

/** The class period summary and the school report of performance (R-REP-1, R-REP-2), as JSON, XLSX and PDF. */
@Module({ imports: [ClassSummaryModule], controllers: [PerformanceController], providers: [ClassReportService, SchoolReportService] })
export class PerformanceModule {}
