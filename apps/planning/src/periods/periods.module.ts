import { Module } from '@nestjs/common';
import { SchoolTimeModule } from '../school-time/school-time.module.js';
import { YearsModule } from '../years/years.module.js';
import { PeriodGuard } from './period-guard.js';
import { PeriodsController } from './periods.controller.js';
import { PeriodsService } from './periods.service.js';

/** Closing and reopening periods with their log; PeriodGuard for planning's own edits that touch a date. */
@Module({
  imports: [YearsModule, SchoolTimeModule],
  controllers: [PeriodsController],
  providers: [PeriodsService, PeriodGuard],
  exports: [PeriodGuard],
})
export class PeriodsModule {}
