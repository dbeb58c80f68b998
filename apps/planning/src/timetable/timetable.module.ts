import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { BellsModule } from '../bells/bells.module.js';
import { YearsModule } from '../years/years.module.js';
import { TimetableController } from './timetable.controller.js';
import { TimetableService } from './timetable.service.js';
import { WeeklyTimetableController } from './weekly-timetable.controller.js';
import { WeeklyTimetableService } from './weekly-timetable.service.js';

@Module({
  imports: [YearsModule, AssessmentsModule, BellsModule],
  controllers: [TimetableController, WeeklyTimetableController],
  providers: [TimetableService, WeeklyTimetableService],
})
export class TimetableModule {}
