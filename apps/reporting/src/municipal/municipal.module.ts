import { Module } from '@nestjs/common';
import { MunicipalAttendanceService } from './attendance-feed.service.js';
import { GradebookService } from './gradebook.service.js';
import { MunicipalController } from './municipal.controller.js';
import { MunicipalPerformanceService } from './performance.service.js';

/** The rest of the municipal API (R-REP-5): OneRoster 1.2 gradebook, performance figures and the attendance feed. */
@Module({ controllers: [MunicipalController], providers: [GradebookService, MunicipalPerformanceService, MunicipalAttendanceService] })
export class MunicipalModule {}
