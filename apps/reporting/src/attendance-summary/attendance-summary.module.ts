import { Module } from '@nestjs/common';
import { AttendanceSummaryController } from './attendance-summary.controller.js';
import { AttendanceSummaryService } from './attendance-summary.service.js';

@Module({ controllers: [AttendanceSummaryController], providers: [AttendanceSummaryService] })
export class AttendanceSummaryModule {}
